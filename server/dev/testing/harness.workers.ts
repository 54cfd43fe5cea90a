import { env } from 'cloudflare:test';
import { createApp } from '../../app.ts';
import { workerDeps, type WorkerEnv } from '../../entry/worker-deps.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { testClock } from './clock.ts';
import { harnessSecrets, type Harness, type HarnessOptions } from './harness.ts';
import { placeholderVariantMaker } from './placeholder-variants.ts';
import { testClientIp } from './client-ip.ts';
import { FAKE_APP_SECRET, FAKE_VERIFY_TOKEN, fakeInstagramFor } from './fake-instagram.ts';
import { recordingOutbox } from './outbox.ts';
import { guardedFetch } from '../../outbound/guarded-fetch.ts';

/**
 * The same harness inside workerd: D1 and R2 from miniflare, wired by the Worker's own
 * `workerDeps`. Migrations are applied by the setup file; each test file gets its own storage.
 */
export async function createHarness({ seed = true, freshnessWindowMs = 0 }: HarnessOptions = {}): Promise<Harness> {
  const clock = testClock();
  const { owner, setupToken } = harnessSecrets();
  const outbox = recordingOutbox();
  const { fake, deps: instagram } = fakeInstagramFor(clock, (request) => Promise.resolve(app.fetch(request)));
  const base = workerDeps(env as unknown as WorkerEnv, clock);
  const deps = {
    ...base,
    clientIp: testClientIp,
    instagram,
    variants: placeholderVariantMaker,
    secrets: { ...base.secrets, instagramAppSecret: FAKE_APP_SECRET, instagramVerifyToken: FAKE_VERIFY_TOKEN, setupToken },
    outbound: guardedFetch({ transport: outbox.send }),
  };
  if (seed) await seedDemo({ db: deps.db, media: deps.media, variants: placeholderVariantMaker, now: clock.now(), ownerPassword: owner.password });
  const app = createApp(deps, { answerCache: { freshnessWindowMs } });
  return { app, deps, db: deps.db, media: deps.media, clock, fake, instagram, outbox: outbox.sent, merchantSite: outbox.site, runtime: 'workerd', owner, setupToken };
}
