// One audit in a worker thread whose heap is capped (resourceLimits): run by bench/engine.bench.ts to find the
// smallest heap an audit completes in. The worker dies with ERR_WORKER_OUT_OF_MEMORY when the cap is too small.
import { parentPort, workerData } from 'node:worker_threads'
import { audit } from '../src/engine/audit.ts'
import { nationalPack } from '../src/engine/pack.ts'

const { html, asOf } = workerData as { html: string; asOf: string }
const packs = [nationalPack()]
const t0 = performance.now()
const report = audit(html, { packs, asOf })
parentPort!.postMessage({ ms: performance.now() - t0, findings: report.findings.length, heapUsed: process.memoryUsage().heapUsed })
