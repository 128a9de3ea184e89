#!/usr/bin/env node
// The CLI is written in TypeScript; tsx lets `npx disclosure-audit` run it straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api'

register()
try {
  const { main } = await import('../src/cli/main.ts')
  process.exitCode = await main(process.argv.slice(2))
} catch (e) {
  // 1 means "a failing finding": an error of the tool itself must never read as a verdict on the site.
  const text = String(e?.stack ?? e).replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
  process.stderr.write(`disclosure-audit: 内部错误 / internal error: ${text}\n`)
  process.exitCode = 2
}
