/**
 * Fixed-window counters kept in memory, for paths too hot for a database write per request:
 * event ingest at thousands of batches a second would otherwise add two upserts to each. The
 * count is this memory's: the whole deployment's on Node (http/rate-limits.ts), one key's inside
 * a Worker's RateCounter Durable Object (entry/worker-limits.ts). Sign-in attempts, which must
 * be exact, count in the database.
 */
export class WindowLimiter {
  private counts = new Map<string, number>();
  private windowStart = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** Bounds memory under a flood of distinct keys: past this many, the window starts over early. */
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts a hit; null when allowed, else the seconds until the window ends (`Retry-After`). */
  hit(key: string, now: number): number | null {
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    if (start !== this.windowStart || this.counts.size >= this.maxKeys) {
      this.counts.clear();
      this.windowStart = start;
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count <= this.limit ? null : Math.max(1, Math.ceil((start + this.windowMs - now) / 1000));
  }
}
