import type { DurableObjectNamespace, RateLimit } from '@cloudflare/workers-types/index.ts';
import type { RateLimiter, RateLimiters } from '../deps.ts';
import { RATE_LIMITS, type LimitSpec } from '../http/rate-limits.ts';
import { WindowLimiter } from '../http/window-limiter.ts';

/**
 * The Worker's limits, shared by every isolate (an isolate's memory is its own, so the Node
 * counters would limit nothing). Each limit is counted where its needs are met at least cost
 * (docs/ARCHITECTURE.md, "Rate limits"):
 * - per visitor and refused-origin notes: a Durable Object per key (RateCounter), exact and on
 *   the app's clock, one call a hit;
 * - per address: the Rate Limiting binding, free and local to the Cloudflare location,
 *   approximate (per location, eventually consistent), on Cloudflare's clock.
 * Sign-in attempts and forget requests are not here: they count in D1 (domain/accounts/rate-limits.ts).
 */
export interface LimitBindings {
  /** Durable Objects counting one key each (wrangler.toml `[[durable_objects.bindings]]`). */
  RATE_COUNTER: DurableObjectNamespace;
  /** wrangler.toml `[[ratelimits]]`: their limit and period repeat RATE_LIMITS (worker-limits.test.ts). */
  EVENTS_PER_ADDRESS: RateLimit;
}

/** Which limit each `[[ratelimits]]` binding counts (its numbers must repeat that limit's). */
export const RATELIMIT_BINDINGS = { EVENTS_PER_ADDRESS: 'eventsPerAddress' } as const;

export function workerLimiters(env: LimitBindings): RateLimiters {
  return {
    eventsPerVisitor: durableLimiter(env.RATE_COUNTER, 'eventsPerVisitor', RATE_LIMITS.eventsPerVisitor),
    eventsPerAddress: bindingLimiter(env.EVENTS_PER_ADDRESS, RATE_LIMITS[RATELIMIT_BINDINGS.EVENTS_PER_ADDRESS]),
    refusalNotes: durableLimiter(env.RATE_COUNTER, 'refusalNotes', RATE_LIMITS.refusalNotes),
  };
}

/**
 * Counts through the Rate Limiting binding, whose limit and period (10 or 60 s) are its own, set
 * in wrangler.toml. It answers only yes or no, so a refusal asks for the whole period
 * (`Retry-After`): its window is not ours to know, and a client that waits that long is let in.
 */
export function bindingLimiter(binding: RateLimit, { windowMs }: LimitSpec): RateLimiter {
  return { hit: async (key) => ((await binding.limit({ key })).success ? null : Math.ceil(windowMs / 1000)) };
}

/** What a RateCounter is asked: one hit on its key under this limit, at the caller's clock. */
interface CounterHit extends LimitSpec {
  key: string;
  now: number;
}

/**
 * Counts in the Durable Object named by the limit and key: one object holds one key's count, so
 * every isolate in every location asks the same counter (created near whoever asked first).
 */
export function durableLimiter(namespace: DurableObjectNamespace, name: string, spec: LimitSpec): RateLimiter {
  return {
    async hit(key, now) {
      const counter = namespace.get(namespace.idFromName(`${name} ${key}`));
      const body: CounterHit = { key, now, limit: spec.limit, windowMs: spec.windowMs };
      const answer = await counter.fetch('https://rate-counter/hit', { method: 'POST', body: JSON.stringify(body) });
      return ((await answer.json()) as { wait: number | null }).wait;
    },
  };
}

/**
 * The Durable Object behind durableLimiter: a fixed window in its memory, on the caller's clock
 * (the app's, so tests hold it still). Memory, not storage: an object is only evicted after
 * it has been idle longer than a window lasts, so what eviction forgets had expired anyway (a
 * redeploy starts the windows over, which a flood limit can afford).
 */
export class RateCounter {
  private windows = new Map<string, WindowLimiter>();

  async fetch(request: Request): Promise<Response> {
    const { key, now, limit, windowMs } = (await request.json()) as CounterHit;
    const id = `${limit}/${windowMs}`;
    let window = this.windows.get(id);
    if (!window) this.windows.set(id, (window = new WindowLimiter(limit, windowMs)));
    return Response.json({ wait: window.hit(key, now) });
  }
}
