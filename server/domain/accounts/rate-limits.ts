import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rateLimits } from '../../db/schema.ts';
import { parseIPv6 } from '../../outbound/address.ts';

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

/**
 * The unit a client address is counted in: an IPv4 address as it is, an IPv6 address by its
 * /64 (one subscriber is given a whole /64 and can pick any address in it, so counting single
 * addresses would not limit anyone). An IPv4-mapped IPv6 address counts as its IPv4 address.
 */
export function addressBucket(address: string): string {
  const groups = parseIPv6(address);
  if (!groups) return address;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return `${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`;
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}
