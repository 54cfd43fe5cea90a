/**
 * Collection benchmark, one size per process (so peak memory is this size's own): a tagged
 * source on the local fake with N posts, collected and re-hosted into three WebP renditions
 * each by the real pipeline (libSQL file, disk media, sharp), driven by the scheduler step as
 * Node's timer would drive it. Prints one JSON line: { posts, seconds, postsPerSecond, peakRssMb }.
 *
 *   tsx bench/collection.ts 1000
 */
import { eq } from 'drizzle-orm';
import { rmSync } from 'node:fs';
import { runDueCollection } from '../server/domain/collection/scheduler.ts';
import { postMedia } from '../server/db/schema.ts';
import { sharpVariantMaker } from '../server/media/sharp-variants.ts';
import { collectionBench } from './collection-setup.ts';

const count = Number(process.argv[2] ?? 1000);
const { dir, clock, instagram, db, media } = await collectionBench(count, { impressions: 1_000_000 });

const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const deps = { db, media, variants: sharpVariantMaker(), instagram, appSecret: 'bench', outbound: () => Promise.reject(new Error('no webhooks in this benchmark')) };
const started = performance.now();
for (;;) {
  const step = await runDueCollection(deps, clock.now(), { sources: 1, media: 64 });
  const pending = await db.select({ id: postMedia.id }).from(postMedia).where(eq(postMedia.storeStatus, 'pending')).limit(1);
  const collecting = step.runs.some((r) => r.created > 0);
  if (pending.length === 0 && !collecting) break;
  clock.advance(60_000); // lets the source's catch-up run come due, as real time would
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const stored = await db.select({ id: postMedia.id }).from(postMedia).where(eq(postMedia.storeStatus, 'stored'));
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ posts: count, stored: stored.length, seconds: Number(seconds.toFixed(2)), postsPerSecond: Number((count / seconds).toFixed(1)), peakRssMb: Math.round(peakRss / 1e6), baselineRssMb: Math.round(baselineRss / 1e6) }));
