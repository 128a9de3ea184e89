import type * as v from 'valibot'
import { strict } from '../../rule-kit/schema.ts'

// No settings: the caps bound the engine, so they live in src/engine/limits.ts where a pack cannot lift them.
export const params = strict({})
export type Params = v.InferOutput<typeof params>
