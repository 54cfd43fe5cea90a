/**
 * Seeds the demo workspace into the local D1 and R2 that `wrangler dev` uses (.wrangler/state),
 * through wrangler's platform proxy. The demo's scenes are SVG drawings that sharp rasterises here
 * (a Worker has no SVG renderer); their renditions are then made by the Worker's own WebAssembly
 * codecs (wasm-variants.ts), so a local Worker shows exactly what a deployed one would store.
 * The demo owner's password is made once for that local state (.wrangler/state/demo-password) and
 * printed, as `npm start` does for its data folder: there is no fixed demo login.
 *
 *   tsx scripts/seed-worker-local.ts [--persist-to DIR]   (as wrangler's flag: default .wrangler/state)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { d1Db } from '../server/db/d1.ts';
import { r2MediaStore } from '../server/media/r2.ts';
import { nodeWasmCodecs } from '../server/media/node-wasm-codecs.ts';
import { drawnSceneVariantMaker } from '../server/media/sharp-variants.ts';
import { wasmVariantMaker } from '../server/media/wasm-variants.ts';
import type { WorkerEnv } from '../server/entry/worker-deps.ts';
import { DEMO_OWNER } from '../server/dev/seed/demo-content.ts';
import { retirePublishedDemoPassword } from '../server/dev/seed/retire-published-password.ts';
import { seedDemoIfEmpty } from '../server/dev/seed/seed-demo.ts';

const at = process.argv.indexOf('--persist-to');
const STATE_DIR: string = at === -1 ? '.wrangler/state' : (process.argv[at + 1] ?? '');
if (!STATE_DIR) throw new Error('--persist-to needs a directory');
const PASSWORD_FILE = join(STATE_DIR, 'demo-password');

function demoPassword(): string {
  try {
    const kept = readFileSync(PASSWORD_FILE, 'utf8').trim();
    if (kept) return kept;
  } catch {
    // None yet: made below.
  }
  const password = randomBytes(12).toString('base64url');
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(PASSWORD_FILE, password, { mode: 0o600 });
  return password;
}

// wrangler's --persist-to adds a `v3` folder beneath the directory it is given; the proxy does not.
const proxy = await getPlatformProxy<WorkerEnv>({ configPath: 'wrangler.toml', persist: at === -1 ? true : { path: join(STATE_DIR, 'v3') } });
try {
  const ownerPassword = demoPassword();
  const db = d1Db(proxy.env.DB);
  const seeded = await seedDemoIfEmpty({
    db,
    media: r2MediaStore(proxy.env.MEDIA),
    variants: drawnSceneVariantMaker(wasmVariantMaker(await nodeWasmCodecs())),
    now: Date.now(),
    ownerPassword,
  });
  console.log(seeded ? 'Seeded the demo workspace into the local D1 and R2.' : 'The local D1 already has data; not seeding.');
  // Seeded by an earlier version with the published password: it gets this one instead.
  if (await retirePublishedDemoPassword(db, ownerPassword)) console.log('Replaced the published demo password.');
  console.log(`Demo login: ${DEMO_OWNER.email} / ${ownerPassword}   (kept in ${PASSWORD_FILE})`);
} finally {
  await proxy.dispose();
}
