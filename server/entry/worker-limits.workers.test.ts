import { env } from 'cloudflare:test';
import { createHarness } from '#harness';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { RATE_LIMITS } from '../http/rate-limits.ts';
import type { Harness } from '../dev/testing/harness.ts';
import { batchOf, configureTracking, sendEvents } from '../dev/testing/tracking-client.ts';
import { bindingLimiter, workerLimiters, type LimitBindings } from './worker-limits.ts';

const bindings = env as unknown as LimitBindings;
const { limit, windowMs } = RATE_LIMITS.eventsPerVisitor;

/**
 * Two apps built from the same bindings stand in for two isolates (or two locations): each has
 * its own memory, so only a count kept outside it (a Durable Object, the Rate Limiting binding)
 * can limit them together. With the Node limiter each would let `limit` batches through.
 */
describe('limits shared by every isolate', () => {
  let h: Harness;
  let one: ReturnType<typeof createApp>;
  let other: ReturnType<typeof createApp>;
  const send = (app: ReturnType<typeof createApp>, visitorId: string) => {
    const batch = batchOf(visitorId, [{ type: 'view_item_list', at: h.clock.now(), galleryId: 'demo' }]);
    return sendEvents({ ...h, app }, batch);
  };

  beforeAll(async () => {
    h = await createHarness();
    await configureTracking(h);
    // The harness counts under keys of its own; these two count as deployed.
    one = createApp({ ...h.deps, limits: workerLimiters(bindings) });
    other = createApp({ ...h.deps, limits: workerLimiters(bindings) });
  });

  it('counts one visitor once across two isolates, and the 429 says how long to wait', async () => {
    // Line the clock up 15 s into a window, so the wait it must name is known.
    h.clock.set(Math.ceil(h.clock.now() / windowMs) * windowMs + 15_000);
    for (let i = 0; i < limit; i++) {
      const res = await send(i % 2 === 0 ? one : other, 'v_shared_0001');
      expect(res.status, `batch ${i + 1}`).toBe(204);
    }
    for (const app of [one, other]) {
      const refused = await send(app, 'v_shared_0001');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('45');
      expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: 'too many event batches; retry later' } });
    }
    // Another visitor is counted apart; the next window starts the count over, on the app's clock.
    expect((await send(other, 'v_shared_0002')).status).toBe(204);
    h.clock.advance(45_000);
    expect((await send(other, 'v_shared_0001')).status).toBe(204);
  });

  it("counts per address through the Rate Limiting binding: two isolates' limiters share its count", async () => {
    // workerd's clock stands still between I/O, and these calls are none, so every hit lands in
    // one of the binding's windows (it counts on Cloudflare's clock, not the app's).
    const spec = RATE_LIMITS.eventsPerAddress;
    const [one, two] = [bindingLimiter(bindings.EVENTS_PER_ADDRESS, spec), bindingLimiter(bindings.EVENTS_PER_ADDRESS, spec)];
    for (let i = 0; i < spec.limit; i++) expect(await (i % 2 === 0 ? one : two).hit('198.51.100.7', h.clock.now()), `hit ${i + 1}`).toBeNull();
    expect(await one.hit('198.51.100.7', h.clock.now())).toBe(60);
    expect(await two.hit('198.51.100.7', h.clock.now())).toBe(60);
    expect(await two.hit('198.51.100.8', h.clock.now())).toBeNull();
  });

  it('notes a refused origin once a minute across isolates (a Durable Object, on the app clock)', async () => {
    const notes = [workerLimiters(bindings).refusalNotes, workerLimiters(bindings).refusalNotes];
    expect(await notes[0]!.hit('ws_demo https://not-allowed.example', h.clock.now())).toBeNull();
    expect(await notes[1]!.hit('ws_demo https://not-allowed.example', h.clock.now())).not.toBeNull();
    h.clock.advance(windowMs);
    expect(await notes[1]!.hit('ws_demo https://not-allowed.example', h.clock.now())).toBeNull();
  });
});
