// Reading a response body with a byte cap, shared by the CLI, the CLI's scan and the extension's scan: a runaway or
// endless response never fills memory, and the caller learns whether the body was cut, so a cut page is never judged
// as if it were whole.
export interface CappedBody {
  bytes: Uint8Array
  /** The body went on past the cap; `bytes` holds only its first `limit` bytes. */
  truncated: boolean
}

export async function readCapped(res: Response, limit: number): Promise<CappedBody> {
  if (!res.body) {
    const all = new Uint8Array(await res.arrayBuffer())
    return { bytes: all.subarray(0, limit), truncated: all.length > limit }
  }
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let truncated = false
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.length
    if (size > limit) {
      truncated = true
      await reader.cancel().catch(() => undefined)
      break
    }
  }
  const out = new Uint8Array(Math.min(size, limit))
  let at = 0
  for (const c of chunks) {
    const part = c.subarray(0, Math.min(c.length, out.length - at))
    out.set(part, at)
    at += part.length
    if (at >= out.length) break
  }
  return { bytes: out, truncated }
}
