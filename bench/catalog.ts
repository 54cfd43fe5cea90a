/**
 * Catalog import benchmark, in its own process so peak memory is the import's own: a Merchant
 * Center XML feed of N products (variants in groups, sale prices, a few entities) written to
 * disk, imported through the real readers, preview and apply on a libSQL file, then imported
 * again unchanged (the section runs several processes and takes the median pair). Prints one JSON line:
 * { products, firstSeconds, firstProductsPerSecond, reimportSeconds, reimportSpeedup, peakRssMb }.
 *
 *   tsx bench/catalog.ts 50000
 */
import { createClient } from '@libsql/client';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyImport } from '../server/domain/catalog/apply.ts';
import { createFeed } from '../server/domain/catalog/feeds.ts';
import { previewImport } from '../server/domain/catalog/preview.ts';
import { feedRows } from '../server/domain/catalog/read/feed-rows.ts';
import { textChunks } from '../server/domain/catalog/read/text-chunks.ts';
import { productFeeds } from '../server/db/schema.ts';
import { libsqlDb } from '../server/db/libsql.ts';
import { migrateLibsql } from '../server/db/migrate-libsql.ts';
import { eq } from 'drizzle-orm';
import { diskMediaStore } from '../server/media/disk.ts';
import { randomToken } from '../server/security/tokens.ts';
import { seedDemo } from '../server/dev/seed/seed-demo.ts';
import { placeholderVariantMaker } from '../server/dev/testing/placeholder-variants.ts';

const count = Number(process.argv[2] ?? 50_000);
const dir = mkdtempSync(join(tmpdir(), 'vitrine-catalog-bench-'));
const feedPath = join(dir, 'feed.xml');
const ROUNDS = 1;
const actor = { workspaceId: 'ws_demo', userId: 'usr_demo' };

async function writeFeed() {
  const out = createWriteStream(feedPath);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0">\n<channel>\n<title>Bench store</title>\n');
  const colours = ['Sand', 'Ink', 'Moss', 'Clay'];
  for (let i = 0; i < count; i++) {
    const group = Math.floor(i / 4);
    const price = (10 + (i % 190) + 0.99).toFixed(2);
    await write(
      `<item>\n<g:id>SKU-${String(i).padStart(6, '0')}</g:id>\n<g:title><![CDATA[Linen piece n°${group} — ${colours[i % 4]}]]></g:title>\n` +
        `<g:description>Soft &amp; washed linen, made to last.</g:description>\n<g:link>https://shop.example/products/p-${group}?variant=${i}</g:link>\n` +
        `<g:image_link>https://cdn.shop.example/img/${i}.jpg</g:image_link>\n<g:availability>${i % 7 === 0 ? 'out of stock' : 'in stock'}</g:availability>\n` +
        `<g:price>${price} EUR</g:price>\n${i % 5 === 0 ? `<g:sale_price>${(Number(price) * 0.8).toFixed(2)} EUR</g:sale_price>\n` : ''}` +
        `<g:brand>Maison</g:brand>\n<g:gtin>${4006381000000 + i}</g:gtin>\n<g:item_group_id>GRP-${group}</g:item_group_id>\n</item>\n`,
    );
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
}

await writeFeed();

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

/** A fresh database with the demo workspace and an empty feed, each pair starting equal. */
async function freshCatalog(round: number) {
  const client = createClient({ url: pathToFileURL(join(dir, `bench-${round}.db`)).href });
  const db = libsqlDb(client);
  await migrateLibsql(db, fileURLToPath(new URL('../drizzle', import.meta.url)));
  await seedDemo({ db, media: diskMediaStore(join(dir, `media-${round}`)), variants: placeholderVariantMaker, now: Date.now(), ownerPassword: randomToken() });
  const feed = await createFeed(db, actor, { name: 'Bench feed', format: 'merchant_xml' }, Date.now());
  const [row] = await db.select().from(productFeeds).where(eq(productFeeds.id, feed.id));
  return { db, feed: row!, client };
}

async function importOnce({ db, feed }: Awaited<ReturnType<typeof freshCatalog>>) {
  const started = performance.now();
  const body = Readable.toWeb(createReadStream(feedPath, { highWaterMark: 64 * 1024 })) as ReadableStream<Uint8Array>;
  const rows = feedRows('merchant_xml', textChunks(body, 200 * 1024 * 1024), { storeUrl: null });
  const preview = await previewImport(db, { feed, rows, trigger: 'upload', createdBy: actor.userId, now: Date.now() });
  await applyImport(db, actor, preview.id, { skipInvalid: false }, Date.now());
  return { seconds: (performance.now() - started) / 1000, preview };
}

// A pair side by side: the first import, then the same feed again.
const pairs: { first: number; again: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const catalog = await freshCatalog(round);
  const first = await importOnce(catalog);
  if (first.preview.added !== count || first.preview.invalid !== 0) throw new Error(`first import: ${JSON.stringify(first.preview)}`);
  const again = await importOnce(catalog);
  if (again.preview.unchanged !== count) throw new Error(`re-import: ${JSON.stringify(again.preview)}`);
  pairs.push({ first: first.seconds, again: again.seconds });
  catalog.client.close();
}
clearInterval(sampler);
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
rmSync(dir, { recursive: true, force: true });
const median = pairs.sort((a, b) => a.first / a.again - b.first / b.again)[Math.floor(ROUNDS / 2)]!;

console.log(
  JSON.stringify({
    products: count,
    firstSeconds: Number(median.first.toFixed(2)),
    firstProductsPerSecond: Math.round(count / median.first),
    reimportSeconds: Number(median.again.toFixed(2)),
    reimportSpeedup: Number((median.first / median.again).toFixed(2)),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  }),
);
