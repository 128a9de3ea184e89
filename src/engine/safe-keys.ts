// Data from users (rule packs, session files) is copied and merged into plain objects; a key that reaches an object's
// prototype is never data, wherever it sits in the tree.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** The dotted path of the first forbidden key in `value`, or null. Iterative, so any depth is safe. */
export function forbiddenKeyPath(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }]
  while (stack.length) {
    const { value: v, path } = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    for (const key of Object.keys(v)) {
      const here = path ? `${path}.${key}` : key
      if (FORBIDDEN_KEYS.has(key)) return here
      stack.push({ value: (v as Record<string, unknown>)[key], path: here })
    }
  }
  return null
}
