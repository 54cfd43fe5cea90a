import { env } from 'cloudflare:test';
import { createApp } from '../app.ts';
import { workerDeps, type WorkerEnv } from '../entry/worker-deps.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { testClock } from './clock.ts';
import type { Harness, HarnessOptions } from './harness.ts';
import { placeholderVariantMaker } from './placeholder-variants.ts';
import { testClientIp } from './client-ip.ts';

/**
 * The same harness inside workerd: D1 and R2 from miniflare, wired by the Worker's own
 * `workerDeps`. Migrations are applied by the setup file; each test file gets its own storage.
 */
export async function createHarness({ seed = true }: HarnessOptions = {}): Promise<Harness> {
  const clock = testClock();
  const deps = { ...workerDeps(env as unknown as WorkerEnv, clock), clientIp: testClientIp };
  if (seed) await seedDemo({ db: deps.db, media: deps.media, variants: placeholderVariantMaker, now: clock.now() });
  return { app: createApp(deps), db: deps.db, media: deps.media, clock, runtime: 'workerd' };
}
