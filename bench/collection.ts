/**
 * Collection benchmark, one size per process (so peak memory is this size's own): a tagged
 * source on the local fake with N posts, collected and re-hosted into three WebP renditions
 * each by the real pipeline (libSQL file, disk media, sharp), driven by the scheduler step as
 * Node's timer would drive it. Prints one JSON line: { posts, seconds, postsPerSecond, peakRssMb }.
 *
 *   tsx bench/collection.ts 1000
 */
import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { connectAccount } from '../server/domain/collection/connections.ts';
import { runDueCollection } from '../server/domain/collection/scheduler.ts';
import { createSource } from '../server/domain/collection/sources.ts';
import { libsqlDb } from '../server/db/libsql.ts';
import { migrateLibsql } from '../server/db/migrate-libsql.ts';
import { postMedia } from '../server/db/schema.ts';
import { createGraphClient } from '../server/instagram/client.ts';
import { createFakeInstagram } from '../server/dev/fake-instagram/index.ts';
import { diskMediaStore } from '../server/media/disk.ts';
import { sharpVariantMaker } from '../server/media/sharp-variants.ts';
import { randomToken } from '../server/security/tokens.ts';
import { seedDemo } from '../server/dev/seed/seed-demo.ts';
import { testClock } from '../server/dev/testing/clock.ts';
import { placeholderVariantMaker } from '../server/dev/testing/placeholder-variants.ts';

const count = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-collect-'));
const clock = testClock(Date.now());

// The fake's CDN serves real JPEGs, rendered once per aspect ratio: the benchmark measures
// Vitrine's work (download, decode, three WebP encodes, storage, rows), not the fake's drawing.
const jpegs = new Map<string, Uint8Array>();
const renderImage = async (svg: string) => {
  const size = /width="(\d+)" height="(\d+)"/.exec(svg)?.slice(1).join('x') ?? '1080x1080';
  if (!jpegs.has(size)) jpegs.set(size, new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()));
  return jpegs.get(size)!;
};
const fake = createFakeInstagram({ clock, baseUrl: 'http://fake-instagram.bench', appSecret: 'bench', renderImage, impressions: 1_000_000 });
const instagram = {
  graph: createGraphClient({ baseUrl: 'http://fake-instagram.bench', version: 'v21.0', fetch: (input, init) => fake.fetch(new Request(input, init)) }),
  download: (request: Request) => fake.fetch(request),
};

const db = libsqlDb(createClient({ url: pathToFileURL(join(dir, 'bench.db')).href }));
await migrateLibsql(db, fileURLToPath(new URL('../drizzle', import.meta.url)));
const media = diskMediaStore(join(dir, 'media'));
await seedDemo({ db, media, variants: placeholderVariantMaker, now: clock.now(), ownerPassword: randomToken() });
const actor = { workspaceId: 'ws_demo', userId: 'usr_demo' };
const connection = await connectAccount({ db, graph: instagram.graph, appSecret: 'bench' }, actor, { igUserId: fake.account.igUserId, accessToken: fake.account.accessToken }, clock.now());
await createSource(db, actor, { kind: 'tagged', connectionId: connection.id }, clock.now());
for (let i = 0; i < count; i++) fake.publish({ tagsBrand: true, timestamp: clock.now() - i * 1000, mediaType: 'IMAGE' });

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
