import { createHarness } from '#harness';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminReuseFeeds } from '../../../shared/admin-types.ts';
import { isWellFormedText } from '../../../shared/text.ts';
import { auditLog, postProducts, posts, products, workspaces } from '../../db/schema.ts';
import { loadRequest, withdrawConsent } from '../../domain/rights/consent.ts';
import { addMember, admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';

const DAY = 86_400_000;
let h: Harness;
let owner: AdminSession;
let merchandiser: AdminSession;
let analyst: AdminSession;

// The demo's posts are cleared for the website only; these widen some of them.
const ADS_AND_EMAIL = ['post_demo01', 'post_demo02', 'post_demo05'];
const ADS_ONLY = ['post_demo03'];
const EMAIL_ONLY = ['post_demo04'];
// Not public, whatever their scope says: they must never appear either.
const HIDDEN = ['post_norights', 'post_withdrawn', 'post_pending', 'post_expired', 'post_deleted'];

async function feeds(session = owner): Promise<AdminReuseFeeds> {
  const res = await admin(h, session, 'GET', '/reuse');
  expect(res.status).toBe(200);
  return (await res.json()) as AdminReuseFeeds;
}

const path = (url: string) => new URL(url).pathname + new URL(url).search;
const emailUrl = async (limit?: string) => {
  const url = new URL((await feeds()).email.galleries.find((g) => g.id === 'demo')!.url);
  if (limit === undefined) url.searchParams.delete('limit');
  else url.searchParams.set('limit', limit);
  return url.pathname + url.search;
};

async function adsFeed() {
  const res = await request(h, path((await feeds()).ads.url));
  expect(res.status).toBe(200);
  const lines = (await res.text()).split('\n');
  expect(lines.pop()).toBe(''); // ends with a newline
  const [header, ...rows] = lines;
  return { res, header, rows: new Map(rows.map((r) => r.split('\t') as [string, string]).map(([id, images]) => [id, images.split(',')])) };
}

async function emailBlock(limit?: string) {
  const res = await request(h, await emailUrl(limit));
  return { res, html: res.status === 200 ? await res.text() : '' };
}

/** The posts an email block shows, in its order, read from its image URLs. */
const shownPosts = (html: string) => [...html.matchAll(/<img src="[^"]*\/media\/m\/med_(post_\w+?)_\d+\//g)].map((m) => m[1]!);

/** What the ads feed must say: for each SKU, the public posts cleared for ads that show it, newest first. */
async function expectedAds(cleared: string[]) {
  const tags = await h.db
    .selectDistinct({ sku: products.sku, postId: postProducts.postId, publishedAt: posts.publishedAt })
    .from(postProducts)
    .innerJoin(products, eq(products.id, postProducts.productId))
    .innerJoin(posts, eq(posts.id, postProducts.postId))
    .where(inArray(postProducts.postId, cleared));
  const bySku = new Map<string, string[]>();
  for (const t of tags.sort((a, b) => b.publishedAt - a.publishedAt)) bySku.set(t.sku, [...(bySku.get(t.sku) ?? []), t.postId]);
  return bySku;
}

beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
  merchandiser = await addMember(h, owner, 'mia@example.com', 'merchandiser');
  analyst = await addMember(h, owner, 'ana@example.com', 'analyst');
  await h.db.update(posts).set({ rightsScope: ['website', 'ads', 'email'] }).where(inArray(posts.id, [...ADS_AND_EMAIL, ...HIDDEN]));
  await h.db.update(posts).set({ rightsScope: ['website', 'social', 'ads', 'print'] }).where(inArray(posts.id, ADS_ONLY));
  await h.db.update(posts).set({ rightsScope: ['email'] }).where(inArray(posts.id, EMAIL_ONLY));
});

describe('the secret URLs', () => {
  it('are listed for owners and merchandisers, absolute, one email block per gallery', async () => {
    const list = await feeds();
    expect(list.ads.url).toMatch(/^http:\/\/vitrine\.test\/v1\/reuse\/[A-Za-z0-9_-]{40,}\/ads\.tsv$/);
    expect(list.email.galleries).toEqual([{ id: 'demo', name: 'Worn & loved by you', url: expect.stringMatching(/^http:\/\/vitrine\.test\/v1\/reuse\/[A-Za-z0-9_-]{40,}\/galleries\/demo\/email\.html\?limit=6$/) }]);
    expect(list.ads.rotatedAt).toBeNull();
    expect(await feeds(merchandiser)).toEqual(list);
  });

  it('are not shown to analysts, and only owners rotate them', async () => {
    expect((await admin(h, analyst, 'GET', '/reuse')).status).toBe(403);
    expect((await admin(h, merchandiser, 'POST', '/reuse/rotate', { feed: 'ads' })).status).toBe(403);
    const bad = await admin(h, owner, 'POST', '/reuse/rotate', { feed: 'print' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('feed');
  });

  it('answer 404 to any token they did not make: random, tampered, forged, or the other feed’s', async () => {
    const list = await feeds();
    const adsToken = list.ads.url.split('/')[5]!;
    const emailToken = list.email.galleries[0]!.url.split('/')[5]!;
    const decoded = atob(adsToken.replaceAll('-', '+').replaceAll('_', '/'));
    const forged = (text: string) => btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    const tampered = adsToken.slice(0, -2) + (adsToken.endsWith('AA') ? 'BB' : 'AA');
    const wrong = [
      '/v1/reuse/nope/ads.tsv',
      `/v1/reuse/${tampered}/ads.tsv`,
      `/v1/reuse/${forged(decoded.replace('.ads.', '.email.'))}/galleries/demo/email.html`,
      `/v1/reuse/${forged(decoded.replace(/\.[0-9a-f]+$/, '.' + '0'.repeat(32)))}/ads.tsv`,
      `/v1/reuse/${forged(decoded.replace(/^ws_demo/, 'ws_other'))}/ads.tsv`,
      `/v1/reuse/${forged(`${decoded}.extra`)}/ads.tsv`,
      `/v1/reuse/${emailToken}/ads.tsv`,
      `/v1/reuse/${adsToken}/galleries/demo/email.html`,
      `/v1/reuse/${'%2e%2e'}/ads.tsv`,
      `/v1/reuse/${'A'.repeat(5000)}/ads.tsv`,
    ];
    for (const url of wrong) {
      const res = await request(h, url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('ws_demo');
    }
    expect((await request(h, path(list.ads.url))).status).toBe(200);
  });

  it('rotation makes the old URL answer 404 at once, leaves the other feed alone, and is audited', async () => {
    const before = await feeds();
    const res = await admin(h, owner, 'POST', '/reuse/rotate', { feed: 'ads' });
    expect(res.status).toBe(200);
    const after = (await res.json()) as AdminReuseFeeds;
    expect(after.ads.url).not.toBe(before.ads.url);
    expect(after.ads.rotatedAt).toBe(new Date(h.clock.now()).toISOString());
    expect(after.email).toEqual(before.email);
    expect((await request(h, path(before.ads.url))).status).toBe(404);
    expect((await request(h, path(after.ads.url))).status).toBe(200);
    expect((await request(h, path(before.email.galleries[0]!.url))).status).toBe(200);
    const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'reuse.rotated'));
    expect(entry).toMatchObject({ workspaceId: 'ws_demo', actorKind: 'user', targetType: 'reuse_feed', targetId: 'ads' });

    // A second rotation of the same feed replaces the one before.
    await admin(h, owner, 'POST', '/reuse/rotate', { feed: 'ads' });
    expect((await request(h, path(after.ads.url))).status).toBe(404);
  });

  it('the email block of another workspace’s gallery, or an unknown one, is a 404', async () => {
    const url = (await emailUrl()).replace('/galleries/demo/', '/galleries/gal_unknown/');
    expect((await request(h, url)).status).toBe(404);
  });
});

describe('GET /v1/reuse/:token/ads.tsv', () => {
  it('adds to each product the images of public posts whose consent covers ads, and nothing else', async () => {
    const { res, header, rows } = await adsFeed();
    expect(res.headers.get('content-type')).toBe('text/tab-separated-values; charset=UTF-8');
    expect(header).toBe('id\tadditional_image_link');
    const expected = await expectedAds([...ADS_AND_EMAIL, ...ADS_ONLY]);
    expect(expected.size).toBeGreaterThan(2);
    expect(new Set(rows.keys())).toEqual(new Set(expected.keys()));
    for (const [sku, postIds] of expected) {
      const images = rows.get(sku)!;
      expect(images.map((u) => u.match(/med_(post_\w+?)_0\//)?.[1]), sku).toEqual(postIds);
      for (const url of images) expect(url).toMatch(/^http:\/\/vitrine\.test\/media\/m\/med_post_demo\d\d_0\/display-1080\.webp$/);
    }
    // Every listed image is served (the media route's own publicness check agrees).
    const first = [...rows.values()][0]![0]!;
    expect((await request(h, new URL(first).pathname)).status).toBe(200);
  });

  it('lists at most 10 images per product', async () => {
    // Tag one product on every public demo post (19), all cleared for ads.
    const [lamp] = await h.db.select({ id: products.id, sku: products.sku }).from(products).where(eq(products.sku, 'LUM-LAMP-01'));
    const ids = Array.from({ length: 19 }, (_, i) => `post_demo${String(i + 1).padStart(2, '0')}`);
    const saved = await h.db.select({ id: posts.id, scope: posts.rightsScope }).from(posts).where(inArray(posts.id, ids));
    const tagged = new Set((await h.db.select({ postId: postProducts.postId }).from(postProducts).where(eq(postProducts.productId, lamp!.id))).map((t) => t.postId));
    const added = ids.filter((id) => !tagged.has(id)).map((postId) => ({ id: `tag_many_${postId}`, postId, productId: lamp!.id, mediaId: null, x: 0.5, y: 0.5, position: 9, createdAt: h.clock.now() }));
    await h.db.insert(postProducts).values(added);
    await h.db.update(posts).set({ rightsScope: ['ads'] }).where(inArray(posts.id, ids));
    try {
      const { rows } = await adsFeed();
      const images = rows.get('LUM-LAMP-01')!;
      expect(images).toHaveLength(10);
      // The newest ten.
      expect(images.map((u) => u.match(/med_(post_\w+?)_0\//)?.[1])).toEqual(ids.slice(0, 10));
    } finally {
      await h.db.delete(postProducts).where(inArray(postProducts.id, added.map((t) => t.id)));
      for (const p of saved) await h.db.update(posts).set({ rightsScope: p.scope }).where(eq(posts.id, p.id));
    }
  });

  it('keeps tabs and line breaks in a SKU from splitting a field or a row', async () => {
    const [tagged] = await h.db.select({ id: products.id, sku: products.sku }).from(products).innerJoin(postProducts, eq(postProducts.productId, products.id)).where(eq(postProducts.postId, 'post_demo01')).limit(1);
    await h.db.update(products).set({ sku: 'LAMP\tBIG\r\nTWO\u2028X' }).where(eq(products.id, tagged!.id));
    try {
      const { rows } = await adsFeed();
      expect(rows.has('LAMP BIG TWO X')).toBe(true);
      for (const [id, images] of rows) {
        expect(id).not.toMatch(/[\t\r\n]/);
        for (const url of images) expect(url).toMatch(/^http:\/\//);
      }
    } finally {
      await h.db.update(products).set({ sku: tagged!.sku }).where(eq(products.id, tagged!.id));
    }
  });

  it('is cacheable briefly by its fetcher only, and revalidates by ETag', async () => {
    const { res } = await adsFeed();
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const again = await request(h, path((await feeds()).ads.url), { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('GET /v1/reuse/:token/galleries/:id/email.html', () => {
  it('shows the gallery’s top posts in its order, only those whose consent covers email', async () => {
    const { res, html } = await emailBlock();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(shownPosts(html)).toEqual(['post_demo01', 'post_demo02', 'post_demo04', 'post_demo05']);
    expect((await emailBlock('2')).html).toSatisfy((h: string) => shownPosts(h).join() === 'post_demo01,post_demo02');
  });

  it('is static, table-based HTML with absolute image URLs, alt text, the author’s credit and a link to the product', async () => {
    const { html } = await emailBlock('1');
    expect(html).toMatch(/^<!-- Vitrine email block/);
    expect(html).toContain('<table role="presentation"');
    expect(html).not.toMatch(/<script|<style|class=|<link/i);
    expect(html).toMatch(/<img src="http:\/\/vitrine\.test\/media\/m\/med_post_demo01_0\/display-640\.webp" width="184" height="\d+" alt="Photo by @[^"]+"/);
    expect(html).toContain('Photo: @clara.home');
    const [product] = await h.db.select({ link: products.link, title: products.title }).from(products).innerJoin(postProducts, eq(postProducts.productId, products.id)).where(eq(postProducts.postId, 'post_demo01')).orderBy(postProducts.position).limit(1);
    expect(html).toContain(product!.title);
    // The demo's product links are paths on the store: an email has no page to resolve them against.
    expect(product!.link).toMatch(/^\//);
    expect(html).not.toContain('<a ');
  });

  it('links a product path to the store’s https origin, when the workspace names one', async () => {
    const [ws] = await h.db.select({ origins: workspaces.allowedOrigins }).from(workspaces).where(eq(workspaces.id, 'ws_demo'));
    await h.db.update(workspaces).set({ allowedOrigins: ['http://localhost:5173', 'https://shop.example'] }).where(eq(workspaces.id, 'ws_demo'));
    try {
      const { html } = await emailBlock('1');
      expect(html).toContain('<a href="https://shop.example/products/LUM-LAMP-01" target="_blank"');
    } finally {
      await h.db.update(workspaces).set({ allowedOrigins: ws!.origins }).where(eq(workspaces.id, 'ws_demo'));
    }
  });

  it.each([
    ['0', 'must be between 1 and 24'],
    ['25', 'must be between 1 and 24'],
    ['ten', 'must be an integer'],
    ['1.5', 'must be an integer'],
    ['-3', 'must be between 1 and 24'],
  ])('refuses limit=%s with a 400 naming limit', async (limit, message) => {
    const res = await request(h, await emailUrl(limit));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field?: string; message: string } };
    expect(JSON.stringify(body)).toContain('limit');
    expect(JSON.stringify(body)).toContain(message);
  });

  it('accepts limits from 1 to 24, 6 by default', async () => {
    await h.db.update(posts).set({ rightsScope: ['email'] }).where(inArray(posts.id, Array.from({ length: 19 }, (_, i) => `post_demo${String(i + 1).padStart(2, '0')}`)));
    try {
      expect(shownPosts((await emailBlock()).html)).toHaveLength(6);
      expect(shownPosts((await emailBlock('1')).html)).toHaveLength(1);
      expect(shownPosts((await emailBlock('24')).html)).toHaveLength(19);
    } finally {
      await h.db.update(posts).set({ rightsScope: ['website'] }).where(inArray(posts.id, Array.from({ length: 19 }, (_, i) => `post_demo${String(i + 1).padStart(2, '0')}`)));
      await h.db.update(posts).set({ rightsScope: ['website', 'ads', 'email'] }).where(inArray(posts.id, ADS_AND_EMAIL));
      await h.db.update(posts).set({ rightsScope: ['website', 'social', 'ads', 'print'] }).where(inArray(posts.id, ADS_ONLY));
      await h.db.update(posts).set({ rightsScope: ['email'] }).where(inArray(posts.id, EMAIL_ONLY));
    }
  });

  it('keeps a hostile caption, username and product title as text, and cuts 3,000 emoji on a code point', async () => {
    const [saved] = await h.db.select().from(posts).where(eq(posts.id, 'post_demo01'));
    const [product] = await h.db.select({ id: products.id, title: products.title }).from(products).innerJoin(postProducts, eq(postProducts.productId, products.id)).where(eq(postProducts.postId, 'post_demo01')).orderBy(postProducts.position).limit(1);
    const caption = `<script>alert(1)</script>"'><img src=x onerror=alert(2)>${'😀'.repeat(3000)}`;
    await h.db.update(posts).set({ caption, authorUsername: '<script>x</script>' }).where(eq(posts.id, 'post_demo01'));
    await h.db.update(products).set({ title: 'Lamp</a><script>alert(3)</script>' }).where(eq(products.id, product!.id));
    try {
      const { html } = await emailBlock('1');
      expect(html).not.toMatch(/<script|<img src=x/i);
      expect(html).not.toMatch(/<[^>]*\sonerror=/i);
      expect(html).toContain('Photo: @&lt;script&gt;x&lt;/script&gt;');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;😀');
      expect(html).toContain('Lamp&lt;/a&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
      expect(isWellFormedText(html)).toBe(true);
      expect(html.length).toBeLessThan(6000); // the caption is cut, not carried whole
      expect(html).toMatch(/😀…</);
    } finally {
      await h.db.update(posts).set({ caption: saved!.caption, authorUsername: saved!.authorUsername }).where(eq(posts.id, 'post_demo01'));
      await h.db.update(products).set({ title: product!.title }).where(eq(products.id, product!.id));
    }
  });
});

describe('a post whose consent ends leaves both at once', () => {
  it('when it expires: gone from the ads feed and the email block on the next fetch', async () => {
    const start = h.clock.now();
    const before = await emailBlock();
    const [adsPath, blockPath] = [path((await feeds()).ads.url), await emailUrl()];
    h.clock.advance(366 * DAY); // post_demo01 was granted for 365 days
    try {
      const tsv = await (await request(h, adsPath)).text();
      expect(tsv).toContain('med_post_demo02_');
      expect(tsv).not.toContain('med_post_demo01_');
      const after = await request(h, blockPath, { headers: { 'if-none-match': before.res.headers.get('etag')! } });
      expect(after.status).toBe(200); // not a 304: the content changed
      expect(shownPosts(await after.text())).toEqual(['post_demo02', 'post_demo04', 'post_demo05']);
    } finally {
      h.clock.set(start);
    }
  });

  it('when the author withdraws it: gone from both on the next fetch', async () => {
    const ads = await adsFeed();
    expect([...ads.rows.values()].flat().join()).toContain('med_post_demo02_');
    expect(shownPosts((await emailBlock()).html)).toContain('post_demo02');

    const ctx = await loadRequest(h.db, 'req_post_demo02');
    await withdrawConsent(h.db, ctx!, { channel: 'rights_page', evidence: { confirmedHandle: ctx!.post.authorUsername ?? '' } }, h.clock.now());

    expect([...(await adsFeed()).rows.values()].flat().join()).not.toContain('med_post_demo02_');
    expect(shownPosts((await emailBlock()).html)).toEqual(['post_demo01', 'post_demo04', 'post_demo05']);
  });
});
