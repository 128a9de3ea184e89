// The real government pages beside the checkout (../shared/corpus/real). A user's clone has no ../shared: tests over
// it use `describe.skipIf(!HAS_CORPUS)` and report themselves skipped.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

export const REPO_ROOT = resolve(import.meta.dirname, '../..')
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus/real')
export const HAS_CORPUS = existsSync(CORPUS_DIR)
