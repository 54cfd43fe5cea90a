import type { RateLimiter, RateLimiters } from '../deps.ts';
import { WindowLimiter } from './window-limiter.ts';

export interface LimitSpec {
  limit: number;
  windowMs: number;
  /** Past this many distinct keys an in-process window starts over early (bounds memory under a flood of keys). */
  maxKeys?: number;
}

/**
 * The numbers of every limit in RateLimiters, in one place. On Workers, those counted by the Rate
 * Limiting binding repeat theirs in wrangler.toml (`[[ratelimits]]`, which the binding reads);
 * server/entry/worker-limits.test.ts holds the two equal.
 */
export const RATE_LIMITS = {
  /** A page flushes a batch on each hide and every few seconds of activity: 2 a second is plenty. */
  eventsPerVisitor: { limit: 120, windowMs: 60_000 },
  /** Shops behind one office or carrier NAT share an address: generous, but a flood stops. */
  eventsPerAddress: { limit: 3_000, windowMs: 60_000 },
  /** A refused origin is noted for the panel once a minute: a flood writes nothing more. */
  refusalNotes: { limit: 1, windowMs: 60_000, maxKeys: 1_000 },
} as const satisfies Record<keyof RateLimiters, LimitSpec>;

/** A limiter over a fixed window in this process's memory (Node: one process is the whole deployment). */
export function inProcessLimiter({ limit, windowMs, maxKeys }: LimitSpec): RateLimiter {
  const window = new WindowLimiter(limit, windowMs, maxKeys);
  return { hit: (key, now) => Promise.resolve(window.hit(key, now)) };
}

/** Every limit counted in this process: what the Node entry (and its test harness) passes. */
export function inProcessLimiters(): RateLimiters {
  return {
    eventsPerVisitor: inProcessLimiter(RATE_LIMITS.eventsPerVisitor),
    eventsPerAddress: inProcessLimiter(RATE_LIMITS.eventsPerAddress),
    refusalNotes: inProcessLimiter(RATE_LIMITS.refusalNotes),
  };
}
