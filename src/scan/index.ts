// Site scan: host-agnostic runner over the pure engine (see scanner.ts for the queue, report.ts for the output).
export * from './types.ts'
export * from './scanner.ts'
export * from './report.ts'
export * from './storage.ts'
