/**
 * Seeds the demo workspace into the local D1 and R2 that `wrangler dev` uses (.wrangler/state),
 * through wrangler's platform proxy: the images are made here with sharp, which Workers cannot run.
 */
import { getPlatformProxy } from 'wrangler';
import { d1Db } from '../server/db/d1.ts';
import { r2MediaStore } from '../server/media/r2.ts';
import { drawnSceneVariantMaker, sharpVariantMaker } from '../server/media/sharp-variants.ts';
import type { WorkerEnv } from '../server/entry/worker-deps.ts';
import { seedDemoIfEmpty } from '../server/seed/seed-demo.ts';

const proxy = await getPlatformProxy<WorkerEnv>({ configPath: 'wrangler.toml', persist: true });
try {
  const seeded = await seedDemoIfEmpty({
    db: d1Db(proxy.env.DB),
    media: r2MediaStore(proxy.env.MEDIA),
    variants: drawnSceneVariantMaker(sharpVariantMaker()),
    now: Date.now(),
  });
  console.log(seeded ? 'Seeded the demo workspace into the local D1 and R2.' : 'The local D1 already has data; not seeding.');
} finally {
  await proxy.dispose();
}
