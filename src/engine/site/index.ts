// The pure half of the site scan: link selection, per-column verdicts, link verdicts and the site-level rule.
export * from './types.ts'
export * from './urls.ts'
export * from './links.ts'
export * from './column-status.ts'
export * from './link-check.ts'
export * from './site-rule.ts'
export * from './link-findings.ts'
export * from './hub.ts'
