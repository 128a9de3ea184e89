// A page whose DOM never stops changing (a ticker, a clock, a carousel that rewrites its text) would be re-audited
// every few seconds for as long as it is open. After `limit` automatic audits within `windowMs`, automatic re-audits
// stop until the user asks for one (the popup's 重新审计).
export class AutoAuditLimit {
  private readonly times: number[] = []
  private stopped = false

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
  ) {}

  /** Records an automatic audit at `now`; false once the limit is reached. */
  record(now: number): boolean {
    this.times.push(now)
    while (this.times.length && this.times[0] <= now - this.windowMs) this.times.shift()
    if (this.times.length >= this.limit) this.stopped = true
    return !this.stopped
  }

  get paused(): boolean {
    return this.stopped
  }

  /** The user asked for an audit: automatic re-audits may start again. */
  reset(): void {
    this.stopped = false
    this.times.length = 0
  }
}
