import { createHarness } from '#harness';
import { and, asc, count, eq, ne, notLike } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogFeed, CatalogImport } from '../../../shared/admin-types.ts';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import { auditLog, catalogImportRows, catalogImports, postProducts, products, productFeeds } from '../../db/schema.ts';
import { admin, adminUpload, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import catalogCsv from './fixtures/catalog.csv?raw';
import brokenXml from './fixtures/merchant-broken.xml?raw';
import merchantTsv from './fixtures/merchant.tsv?raw';
import merchantXml from './fixtures/merchant.xml?raw';
import shopifyJson from './fixtures/shopify.json?raw';
import { refreshDueFeeds } from './refresh.ts';

let h: Harness;
let owner: AdminSession;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
});
// One database per file (workerd's storage is per file): each test starts from the demo catalog.
beforeEach(async () => {
  h.merchantSite.clear();
  await h.db.batch([
    h.db.delete(postProducts).where(notLike(postProducts.productId, 'prod_demo%')),
    h.db.delete(catalogImportRows),
    h.db.delete(catalogImports).where(ne(catalogImports.id, 'imp_demo')),
    h.db.delete(products).where(notLike(products.id, 'prod_demo%')),
    h.db.delete(productFeeds).where(ne(productFeeds.id, 'feed_demo')),
    h.db.delete(auditLog),
  ]);
});

async function newFeed(input: Record<string, unknown>): Promise<CatalogFeed> {
  const res = await admin(h, owner, 'POST', '/catalog/feeds', { name: 'Main feed', ...input });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { feed: CatalogFeed }).feed;
}

async function preview(feedId: string, body: string, status = 201): Promise<CatalogImport> {
  const res = await adminUpload(h, owner, `/catalog/feeds/${feedId}/imports`, body, 'application/octet-stream');
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as { import: CatalogImport }).import;
}

async function apply(importId: string, skipInvalid = false) {
  return admin(h, owner, 'POST', `/catalog/imports/${importId}/apply`, { skipInvalid });
}

const catalog = () =>
  h.db
    .select({ sku: products.sku, title: products.title, price: products.priceMinor, sale: products.salePriceMinor, currency: products.currency, availability: products.availability, removedAt: products.removedAt, feedId: products.feedId, groupId: products.groupId, link: products.link, updatedAt: products.updatedAt })
    .from(products)
    .where(eq(products.workspaceId, 'ws_demo'))
    .orderBy(asc(products.sku));
const stagedRows = async () => (await h.db.select({ n: count() }).from(catalogImportRows))[0]!.n;

describe('catalog import from a Merchant Center XML feed', () => {
  it('previews a diff without touching the catalog, then applies it at once', async () => {
    const feed = await newFeed({ format: 'merchant_xml' });
    const before = await catalog();
    const diff = await preview(feed.id, merchantXml);
    expect(diff).toMatchObject({ status: 'previewed', trigger: 'upload', added: 3, updated: 0, unchanged: 0, missing: 0, invalid: 0, errors: [] });
    expect(diff.samples.added.map((s) => s.sku)).toEqual(['LAMP-ARC-BRS', 'LAMP-ARC-BLK', 'MUG-SUN']);
    expect(await catalog()).toEqual(before);

    const res = await apply(diff.id);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { import: CatalogImport }).import).toMatchObject({ status: 'applied', appliedAt: h.clock.now() });
    const added = (await catalog()).filter((p) => p.feedId === feed.id);
    expect(added).toEqual([
      expect.objectContaining({ sku: 'LAMP-ARC-BLK', title: 'Arc floor lamp — black & linen', price: 12900, sale: null, currency: 'EUR', availability: 'out_of_stock', groupId: 'LAMP-ARC', link: 'https://shop.example/products/arc-lamp?variant=black&ref=feed' }),
      expect.objectContaining({ sku: 'LAMP-ARC-BRS', title: 'Arc floor lamp — brass & linen', price: 12900, sale: 9900, availability: 'in_stock' }),
      expect.objectContaining({ sku: 'MUG-SUN', title: 'Café mug "Sunday"', price: 1800, availability: 'preorder' }),
    ]);
    expect(await stagedRows()).toBe(0);
    const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'catalog.imported'));
    expect(entry).toMatchObject({ actorUserId: 'usr_demo', targetId: feed.id, after: { importId: diff.id, added: 3, updated: 0, missing: 0, skippedInvalid: 0 } });

    const feeds = ((await (await admin(h, owner, 'GET', '/catalog/feeds')).json()) as { feeds: CatalogFeed[] }).feeds;
    expect(feeds.find((f) => f.id === feed.id)).toMatchObject({ productCount: 3, lastImportAt: h.clock.now() });
  });

  it('finds nothing to do in a re-import of the same feed, and stages nothing', async () => {
    const feed = await newFeed({ format: 'merchant_xml' });
    expect((await apply((await preview(feed.id, merchantXml)).id)).status).toBe(200);
    const before = await catalog();
    h.clock.advance(60_000);
    const again = await preview(feed.id, merchantXml);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, missing: 0 });
    expect(await stagedRows()).toBe(0);
    expect((await apply(again.id)).status).toBe(200);
    expect(await catalog()).toEqual(before);
  });

  it('marks products that left the feed as removed, keeps their tags, and brings them back when they return', async () => {
    const feed = await newFeed({ format: 'merchant_xml' });
    expect((await apply((await preview(feed.id, merchantXml)).id)).status).toBe(200);
    const [mug] = await h.db.select().from(products).where(eq(products.sku, 'MUG-SUN'));
    expect((await admin(h, owner, 'POST', '/posts/post_demo01/products', { productId: mug!.id, x: 0.3, y: 0.6 })).status).toBe(201);
    const shows = async () => {
      const body = (await (await request(h, '/v1/galleries/demo/posts?limit=50')).json()) as GalleryPostsResponse;
      return body.posts.find((p) => p.id === 'post_demo01')!.products.some((p) => p.sku === 'MUG-SUN');
    };
    expect(await shows()).toBe(true);

    const changed = merchantXml.replace(/<item>\s*<g:id>MUG-SUN<\/g:id>[\s\S]*?<\/item>/, '').replace('<g:price>129,00 EUR</g:price>', '<g:price>119,00 EUR</g:price>').replace('</channel>', '<item><g:id>TOTE-9</g:id><g:title>Tote</g:title><g:link>https://shop.example/tote</g:link><g:price>EUR25</g:price></item></channel>');
    const diff = await preview(feed.id, changed);
    expect(diff).toMatchObject({ added: 1, updated: 1, unchanged: 1, missing: 1 });
    const eur = (amount: number) => ({ amount, currency: 'EUR' });
    expect(diff.samples).toEqual({
      added: [{ sku: 'TOTE-9', title: 'Tote', price: eur(2500), previousPrice: null }],
      // The preview shows what an update does to the price shoppers pay.
      updated: [{ sku: 'LAMP-ARC-BLK', title: 'Arc floor lamp — black & linen', price: eur(11900), previousPrice: eur(12900) }],
      missing: [{ sku: 'MUG-SUN', title: 'Café mug "Sunday"', price: eur(1800), previousPrice: null }],
    });
    h.clock.advance(1000);
    expect((await apply(diff.id)).status).toBe(200);
    const after = await catalog();
    expect(after.find((p) => p.sku === 'MUG-SUN')).toMatchObject({ removedAt: h.clock.now() });
    expect(after.find((p) => p.sku === 'LAMP-ARC-BLK')).toMatchObject({ price: 11900, removedAt: null });
    expect(after.find((p) => p.sku === 'TOTE-9')).toMatchObject({ price: 2500, currency: 'EUR' });
    expect(await h.db.select().from(postProducts).where(eq(postProducts.productId, mug!.id))).toHaveLength(1);
    expect(await shows()).toBe(false);
    const searched = (await (await admin(h, owner, 'GET', '/products?q=MUG-SUN')).json()) as { products: unknown[] };
    expect(searched.products).toEqual([]);

    h.clock.advance(1000);
    const back = await preview(feed.id, merchantXml);
    expect(back).toMatchObject({ added: 0, updated: 2, missing: 1 });
    expect((await apply(back.id)).status).toBe(200);
    expect((await catalog()).find((p) => p.sku === 'MUG-SUN')).toMatchObject({ removedAt: null });
    expect(await shows()).toBe(true);
  });
});

describe('bad feeds', () => {
  it('lists bad rows with line and reason, and applies nothing unless asked to skip them', async () => {
    const feed = await newFeed({ format: 'merchant_xml' });
    const before = await catalog();
    const diff = await preview(feed.id, brokenXml);
    expect(diff).toMatchObject({ added: 1, invalid: 4 });
    expect(diff.errors).toEqual([
      { line: 10, field: 'price', message: 'price: "ask us" is not a price' },
      { line: 16, field: 'id', message: 'id: is missing' },
      { line: 20, field: 'availability', message: 'availability: "soon-ish" is not one of in stock, out of stock, preorder, backorder' },
      { line: 26, field: 'id', message: 'id: "OK-1" appears again (first on line 4); each product needs its own id' },
    ]);
    const refused = await apply(diff.id);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_rows', field: 'skipInvalid', message: expect.stringContaining('4 rows are invalid (line 10: price:') } });
    expect(await catalog()).toEqual(before);

    expect((await apply(diff.id, true)).status).toBe(200);
    expect((await catalog()).filter((p) => p.feedId === feed.id).map((p) => p.sku)).toEqual(['OK-1']);
  });

  it.each([
    ['an unclosed item', '<rss><channel><item><g:id>A</g:id><g:title>T</g:title><g:link>https://s.example/a</g:link></item><item><g:id>B</g:id>', 400, /body: line 1: an <item> is never closed; nothing was imported/],
    ['a JSON file', '{"products": []}', 400, /not an RSS or Atom feed/],
    ['an empty feed', '<rss><channel></channel></rss>', 400, /the feed has no products/],
  ])('refuses %s whole, leaving no trace', async (_name, body, status, message) => {
    const feed = await newFeed({ format: 'merchant_xml' });
    const before = await catalog();
    const res = await adminUpload(h, owner, `/catalog/feeds/${feed.id}/imports`, body, 'application/xml');
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(await catalog()).toEqual(before);
    expect(await stagedRows()).toBe(0);
    expect(((await (await admin(h, owner, 'GET', `/catalog/feeds/${feed.id}/imports`)).json()) as { imports: unknown[] }).imports).toEqual([]);
  });

  it('refuses a stale preview and a second apply', async () => {
    const feed = await newFeed({ format: 'merchant_xml' });
    const first = await preview(feed.id, merchantXml);
    const second = await preview(feed.id, merchantXml);
    // In the same millisecond: staleness counts applied imports, it does not compare times.
    expect((await apply(second.id)).status).toBe(200);
    const stale = await apply(first.id);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'stale' } });
    expect((await apply(second.id)).status).toBe(409);
    const third = await preview(feed.id, merchantXml);
    expect((await admin(h, owner, 'POST', `/catalog/imports/${third.id}/discard`)).status).toBe(200);
    expect((await apply(third.id)).status).toBe(409);
  });

  it('validates feeds: https on a public host, refresh needs a url', async () => {
    for (const [input, field] of [
      [{ format: 'csv', url: 'http://shop.example/feed.csv' }, 'url'],
      [{ format: 'csv', url: 'https://10.0.0.8/feed.csv' }, 'url'],
      [{ format: 'csv', refreshHours: 24 }, 'refreshHours'],
      [{ format: 'xls' }, 'format'],
      [{ format: 'csv', currency: 'euro' }, 'currency'],
    ] as const) {
      const res = await admin(h, owner, 'POST', '/catalog/feeds', { name: 'x', ...input });
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
  });
});

describe('other formats', () => {
  it('imports Merchant TSV, plain CSV with the feed currency, and Shopify products.json with the store URL', async () => {
    const tsv = await newFeed({ format: 'merchant_tsv' });
    expect((await apply((await preview(tsv.id, merchantTsv)).id)).status).toBe(200);
    const csv = await newFeed({ format: 'csv', currency: 'EUR' });
    expect((await apply((await preview(csv.id, catalogCsv)).id)).status).toBe(200);
    const shopify = await newFeed({ format: 'shopify_json', currency: 'USD', storeUrl: 'https://maison.example' });
    const diff = await preview(shopify.id, shopifyJson);
    expect(diff).toMatchObject({ added: 3, invalid: 1, errors: [{ line: 10, field: 'variants', message: 'variants: a product needs at least one variant' }] });
    expect((await apply(diff.id, true)).status).toBe(200);

    const all = await catalog();
    const pick = (sku: string) => all.find((p) => p.sku === sku);
    expect(pick('VASE-01')).toMatchObject({ title: 'Stoneware vase 5" tall', price: 2499, currency: 'EUR', availability: 'in_stock' });
    expect(pick('TOTE-01')).toMatchObject({ price: 3500, sale: 2900, groupId: 'TOTE' });
    expect(pick('PLATE-1')).toMatchObject({ title: 'Plate, "speckled"', price: 1450, currency: 'EUR', availability: 'in_stock' });
    expect(pick('BOWL-1')).toMatchObject({ price: 900, availability: 'out_of_stock' });
    expect(pick('CUSH-SAND')).toMatchObject({ price: 4500, sale: 3900, currency: 'USD', groupId: '7001', link: 'https://maison.example/products/linen-cushion?variant=9001' });
    expect(pick('9002')).toMatchObject({ availability: 'out_of_stock' });
    expect(pick('CANDLE')).toMatchObject({ price: 1250, link: 'https://maison.example/products/candle' });
  });
});

describe('feeds fetched from a URL', () => {
  const siteFetch = (req: Request) => {
    const page = h.merchantSite.get(req.url);
    return Promise.resolve(page ? page(req) : new Response('not found', { status: 404 }));
  };

  it('fetches the feed when the import has no body, following safe redirects only', async () => {
    h.merchantSite.set('https://shop.example/feed.xml', () => new Response(null, { status: 301, headers: { location: '/feeds/google.xml' } }));
    h.merchantSite.set('https://shop.example/feeds/google.xml', () => new Response(merchantXml, { headers: { 'content-type': 'application/rss+xml' } }));
    const feed = await newFeed({ format: 'merchant_xml', url: 'https://shop.example/feed.xml' });
    const res = await admin(h, owner, 'POST', `/catalog/feeds/${feed.id}/imports`);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { import: CatalogImport }).import).toMatchObject({ trigger: 'url', added: 3 });

    h.merchantSite.set('https://shop.example/feed.xml', () => new Response(null, { status: 302, headers: { location: 'https://127.0.0.1/admin' } }));
    const refused = await admin(h, owner, 'POST', `/catalog/feeds/${feed.id}/imports`);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'feed_unreachable', field: 'url', message: expect.stringContaining('refused https://127.0.0.1/admin: 127.0.0.1 is a loopback address') } });
  });

  it('refreshes due feeds on schedule, skipping bad rows but holding back a refresh that would empty the catalog', async () => {
    let body = merchantXml;
    h.merchantSite.set('https://shop.example/feed.xml', () => new Response(body));
    const feed = await newFeed({ format: 'merchant_xml', url: 'https://shop.example/feed.xml', refreshHours: 6 });
    expect(await refreshDueFeeds({ db: h.db, outbound: siteFetch }, h.clock.now())).toBe(1);
    expect((await catalog()).filter((p) => p.feedId === feed.id && !p.removedAt)).toHaveLength(3);
    expect(await refreshDueFeeds({ db: h.db, outbound: siteFetch }, h.clock.now())).toBe(0);

    body = merchantXml.replace(/<item>[\s\S]*<\/item>/, '<item><g:id>ONLY-1</g:id><g:title>Only</g:title><g:link>https://shop.example/o</g:link></item>');
    h.clock.advance(6 * 3600_000);
    expect(await refreshDueFeeds({ db: h.db, outbound: siteFetch }, h.clock.now())).toBe(1);
    const [held] = await h.db.select().from(productFeeds).where(eq(productFeeds.id, feed.id));
    expect(held!.lastError).toBe('not applied: the feed lists 1 valid products and 3 would be removed; import it by hand if that is right');
    expect((await catalog()).filter((p) => p.feedId === feed.id && !p.removedAt)).toHaveLength(3);
    expect(held!.nextRunAt).toBe(h.clock.now() + 6 * 3600_000);

    body = merchantXml.replace('<g:price>18 EUR</g:price>', '<g:price>lots</g:price>');
    h.clock.advance(6 * 3600_000);
    await refreshDueFeeds({ db: h.db, outbound: siteFetch }, h.clock.now());
    const [skipped] = await h.db.select().from(productFeeds).where(eq(productFeeds.id, feed.id));
    expect(skipped!.lastError).toBe('1 rows skipped; first: line 36, price: "lots" is not a price');

    h.merchantSite.delete('https://shop.example/feed.xml');
    h.clock.advance(6 * 3600_000);
    await refreshDueFeeds({ db: h.db, outbound: siteFetch }, h.clock.now());
    const [failed] = await h.db.select().from(productFeeds).where(eq(productFeeds.id, feed.id));
    expect(failed!.lastError).toBe('url: https://shop.example/feed.xml answered 404; nothing was imported');
  });

  it('reads a Shopify store page by page', async () => {
    const product = (n: number) => ({ id: n, title: `Product ${n}`, handle: `p-${n}`, vendor: 'Maison', variants: [{ id: 10_000 + n, title: 'Default Title', price: '10.00', sku: `SKU-${n}`, available: n % 2 === 0 }] });
    const pages = [Array.from({ length: 250 }, (_, i) => product(i + 1)), [product(251), product(252)]];
    pages.forEach((list, i) => h.merchantSite.set(`https://maison.example/products.json?limit=250&page=${i + 1}`, () => Response.json({ products: list })));
    const feed = await newFeed({ format: 'shopify_json', url: 'https://maison.example/', currency: 'EUR' });
    expect(feed.storeUrl).toBe('https://maison.example');
    const res = await admin(h, owner, 'POST', `/catalog/feeds/${feed.id}/imports`);
    expect(((await res.json()) as { import: CatalogImport }).import).toMatchObject({ added: 252, invalid: 0 });
    const [n] = await h.db.select({ n: count() }).from(catalogImportRows).where(and(eq(catalogImportRows.change, 'added')));
    expect(n!.n).toBe(252);
  });
});
