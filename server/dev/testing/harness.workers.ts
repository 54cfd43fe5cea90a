import { env } from 'cloudflare:test';
import { createApp } from '../../app.ts';
import { workerCodecs } from '../../entry/worker-codecs.ts';
import { workerDeps, type WorkerEnv } from '../../entry/worker-deps.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { testClock } from './clock.ts';
import { harnessSecrets, type Harness, type HarnessOptions } from './harness.ts';
import { placeholderVariantMaker } from './placeholder-variants.ts';
import { testClientIp } from './client-ip.ts';
import { FAKE_APP_SECRET, FAKE_VERIFY_TOKEN, fakeInstagramFor, sizedSvg } from './fake-instagram.ts';
import { gradientPngRenderer } from './wasm-images.ts';
import { recordingOutbox } from './outbox.ts';
import { recordingMailbox } from './mailbox.ts';
import { inlineEventQueue } from './inline-event-queue.ts';
import { guardedFetch } from '../../outbound/guarded-fetch.ts';
import type { RateLimiters } from '../../deps.ts';

/**
 * The same harness inside workerd: D1 and R2 from miniflare, wired by the Worker's own
 * `workerDeps`, its variant maker included: what a test collects, imports or uploads is a real
 * PNG made into WebP renditions by the Worker's WebAssembly codecs. Only the demo seed's pictures
 * are placeholders: a deployed Worker never seeds (scripts/seed-worker-local.ts does, on Node),
 * and making 24 scenes for every test file would cost minutes. One workerd serves every test
 * file in turn; the setup file empties D1 and R2 and migrates before each, and each harness
 * counts its rate limits apart, so every file starts as on a fresh deployment.
 */
export async function createHarness({ seed = true, freshnessWindowMs = 0 }: HarnessOptions = {}): Promise<Harness> {
  const clock = testClock();
  const { owner, setupToken } = harnessSecrets();
  const outbox = recordingOutbox();
  const mailbox = recordingMailbox();
  // Instagram's scenes at a third of their size (collection tests re-host dozens); imports and uploads at full size.
  const fullSize = gradientPngRenderer(workerCodecs);
  const { fake, deps: instagram } = fakeInstagramFor(clock, (request) => Promise.resolve(app.fetch(request)), gradientPngRenderer(workerCodecs, 3), fullSize);
  const base = workerDeps(env as unknown as WorkerEnv, clock);
  const deps = {
    ...base,
    clientIp: testClientIp,
    limits: countedApart(base.limits),
    instagram,
    secrets: { ...base.secrets, instagramAppSecret: FAKE_APP_SECRET, instagramVerifyToken: FAKE_VERIFY_TOKEN, setupToken },
    outbound: guardedFetch({ transport: outbox.send }),
    mail: mailbox.sender,
    // wrangler.toml binds the event queue; its deliveries are timed by miniflare, so the suite's
    // batches go through the consumer's code in the request instead (inline-event-queue.ts).
    eventQueue: inlineEventQueue(base.db),
    // The JOBS binding's consumer would run on workerDeps' real Instagram: the suite's steps do
    // their jobs themselves; the queue's transport is server/entry/worker-jobs.workers.test.ts's.
    jobQueue: null,
  };
  if (seed) await seedDemo({ db: deps.db, media: deps.media, variants: placeholderVariantMaker, now: clock.now(), ownerPassword: owner.password });
  const app = createApp(deps, { answerCache: { freshnessWindowMs } });
  return { app, deps, db: deps.db, media: deps.media, clock, fake, instagram, outbox: outbox.sent, mailbox: mailbox.sent, merchantSite: outbox.site, runtime: 'workerd', owner, setupToken,
    variants: deps.variants,
    image: async (width, height) => new Blob([(await fullSize(sizedSvg(width, height))).slice()], { type: 'image/png' }),
  };
}

/**
 * The Worker's limiters with keys of this harness's own. Their counts live in a Durable Object
 * and the Rate Limiting binding, which outlive a test file: without this, a file's visitors and
 * its default client address would inherit the hits of every file before it.
 */
function countedApart(limits: RateLimiters): RateLimiters {
  const apart = crypto.randomUUID();
  const limiters = Object.entries(limits).map(([name, limiter]) => [name, { hit: (key: string, now: number) => limiter.hit(`${apart} ${key}`, now) }]);
  return Object.fromEntries(limiters) as RateLimiters;
}
