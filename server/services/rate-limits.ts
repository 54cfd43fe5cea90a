import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimits } from '../db/schema.ts';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the current window ends, for `Retry-After`. */
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in the current fixed window and says whether it is allowed.
 * One atomic upsert: concurrent requests, processes and isolates all see the same count.
 */
export async function hitRateLimit(db: Db, key: string, { limit, windowMs }: RateLimit, now: number): Promise<RateLimitResult> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  return { allowed: (row?.count ?? 1) <= limit, retryAfterSeconds: Math.ceil((windowStart + windowMs - now) / 1000) };
}
