import { createHarness } from '#harness';
import { embedCode } from '../../../shared/embed-code.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminGallery, WorkspaceView } from '../../../shared/admin-types.ts';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import { runBatch } from '../../db/client.ts';
import { dailyRollups } from '../../db/schema.ts';
import { DEMO_PUBLIC_POST_IDS } from '../../dev/seed/demo-content.ts';
import { admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import { listAllPublic } from '../../dev/testing/public-api.ts';

let h: Harness;
let owner: AdminSession;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
});

const publicList = (galleryId: string, limit = 100) => listAllPublic(h, galleryId, limit);

async function create(body: object): Promise<AdminGallery> {
  const res = await admin(h, owner, 'POST', '/galleries', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as AdminGallery;
}

describe('galleries', () => {
  it('creates a gallery with a paste-ready embed snippet that serves public posts', async () => {
    const gallery = await create({ name: 'Home page' });
    expect(gallery).toMatchObject({ name: 'Home page', layout: 'grid', sort: 'newest', pageSize: 12, manualOrder: [] });
    expect(gallery.embedCode).toBe(embedCode('http://vitrine.test', gallery));
    expect(gallery.embedCode).toMatch(new RegExp(`^<script async src="http://vitrine.test/embed.js"></script>\n<vitrine-gallery gallery="${gallery.id}"><div slot="reserve"></div></vitrine-gallery>\n<style>`));
    expect(await publicList(gallery.id)).toEqual(DEMO_PUBLIC_POST_IDS);
  });

  it('manual order puts curated posts first, then the rest newest first, across pages', async () => {
    const gallery = await create({ name: 'Curated', sort: 'manual' });
    const res = await admin(h, owner, 'PUT', `/galleries/${gallery.id}/order`, { postIds: ['post_demo10', 'post_demo03', 'post_pending'] });
    expect(res.status).toBe(200);
    expect(((await res.json()) as AdminGallery).manualOrder).toEqual(['post_demo10', 'post_demo03', 'post_pending']);
    const rest = DEMO_PUBLIC_POST_IDS.filter((id) => id !== 'post_demo10' && id !== 'post_demo03');
    // post_pending is curated but not public: it stays out.
    expect(await publicList(gallery.id, 4)).toEqual(['post_demo10', 'post_demo03', ...rest]);
    const bad = await admin(h, owner, 'PUT', `/galleries/${gallery.id}/order`, { postIds: ['post_demo10', 'post_elsewhere'] });
    expect(bad.status).toBe(404);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('postIds');
  });

  it('filters by hashtag and by product', async () => {
    const tagged = await create({ name: 'Yes', filters: { hashtags: ['#YesLumen'] } });
    const yes = await publicList(tagged.id);
    expect(yes.length).toBeGreaterThan(0);
    expect(yes.length).toBeLessThan(DEMO_PUBLIC_POST_IDS.length);
    const lamp = await create({ name: 'Lamp', filters: { productIds: ['prod_demo1'] } });
    const lampPosts = await publicList(lamp.id);
    expect(lampPosts).toContain('post_demo01');
    expect(lampPosts).not.toContain('post_demo02');
  });

  it('best performing sorts by attributed revenue over 30 days, then engagement, then newest', async () => {
    const best = await create({ name: 'Best', sort: 'best' });
    const day = new Date(h.clock.now()).toISOString().slice(0, 10);
    await runBatch(h.db, [
      h.db.insert(dailyRollups).values({ workspaceId: 'ws_demo', day, dimension: 'post', dimensionId: 'post_demo15', orders: 3 }),
      h.db.insert(dailyRollups).values({ workspaceId: 'ws_demo', day, dimension: 'post', dimensionId: 'post_demo09', productClicks: 4 }),
      h.db.insert(dailyRollups).values({ workspaceId: 'ws_demo', day, dimension: 'post', dimensionId: 'post_demo04', opens: 1, revenueMinor: 4900 }),
      h.db.insert(dailyRollups).values({ workspaceId: 'ws_demo', day, dimension: 'post', dimensionId: 'post_demo06', revenueMinor: 12900 }),
      h.db.insert(dailyRollups).values({ workspaceId: 'ws_demo', day: '2001-01-01', dimension: 'post', dimensionId: 'post_demo19', orders: 99, revenueMinor: 999_999 }),
    ]);
    const ids = await publicList(best.id, 5);
    expect(ids.slice(0, 4)).toEqual(['post_demo06', 'post_demo04', 'post_demo15', 'post_demo09']);
    expect(ids).toHaveLength(DEMO_PUBLIC_POST_IDS.length);
  });

  it('edits and deletes, naming bad fields', async () => {
    const gallery = await create({ name: 'Temp' });
    const patched = await admin(h, owner, 'PATCH', `/galleries/${gallery.id}`, { name: 'Renamed', layout: 'masonry' });
    expect(((await patched.json()) as AdminGallery)).toMatchObject({ name: 'Renamed', layout: 'masonry' });
    const bad = await admin(h, owner, 'PATCH', `/galleries/${gallery.id}`, { pageSize: 1000 });
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('pageSize');
    const badTag = await admin(h, owner, 'POST', '/galleries', { name: 'x', filters: { hashtags: ['no spaces allowed'] } });
    expect(((await badTag.json()) as { error: { field: string } }).error.field).toBe('filters.hashtags.0');
    expect((await admin(h, owner, 'DELETE', `/galleries/${gallery.id}`)).status).toBe(204);
    expect((await request(h, `/v1/galleries/${gallery.id}/posts`)).status).toBe(404);
  });
});

describe('workspace settings', () => {
  it('reads and updates settings, validating origins, handles and windows', async () => {
    const current = (await (await admin(h, owner, 'GET', '/workspace')).json()) as WorkspaceView;
    expect(current).toMatchObject({ name: 'Maison Lumen', instagramHandle: 'maisonlumen', approvalHashtag: 'YesLumen' });
    const res = await admin(h, owner, 'PATCH', '/workspace', { allowedOrigins: ['https://shop.example/'], settings: { clickWindowHours: 48 }, instagramHandle: '@lumen.paris' });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as WorkspaceView;
    expect(updated.allowedOrigins).toEqual(['https://shop.example']);
    expect(updated.instagramHandle).toBe('lumen.paris');
    expect(updated.settings).toEqual({ ...current.settings, clickWindowHours: 48 });
    for (const [body, field] of [
      [{ allowedOrigins: ['http://shop.example'] }, 'allowedOrigins.0'],
      [{ allowedOrigins: ['https://shop.example/path'] }, 'allowedOrigins.0'],
      [{ settings: { holdoutShare: 0.9 } }, 'settings.holdoutShare'],
      [{ approvalHashtag: '#no spaces' }, 'approvalHashtag'],
    ] as const) {
      const r = await admin(h, owner, 'PATCH', '/workspace', body);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { field: string } }).error.field).toBe(field);
    }
  });
});

describe('for the panel', () => {
  it('lists a gallery’s posts in its order, with previews the panel can load', async () => {
    const gallery = await create({ name: 'Order me', sort: 'manual' });
    await admin(h, owner, 'PUT', `/galleries/${gallery.id}/order`, { postIds: ['post_demo07'] });
    const res = await admin(h, owner, 'GET', `/galleries/${gallery.id}/posts?limit=3`);
    const page = (await res.json()) as GalleryPostsResponse;
    expect(page.posts.map((p) => p.id)).toEqual(['post_demo07', 'post_demo01', 'post_demo02']);
    expect(page.posts[0]!.media[0]!.variants[0]!.url).toMatch(/^http:\/\/vitrine\.test\/admin\/media\//);
    expect(page.nextCursor).not.toBeNull();
  });

  it('searches products by title, SKU or brand', async () => {
    const search = async (q: string) => ((await (await admin(h, owner, 'GET', `/products?q=${encodeURIComponent(q)}`)).json()) as { products: { sku: string }[] }).products.map((p) => p.sku);
    expect(await search('lamp')).toEqual(['LUM-LAMP-01']);
    expect(await search('cush-05')).toEqual(['LUM-CUSH-05']);
    expect((await search('maison lumen')).length).toBe(6);
    expect(await search('%')).toEqual([]);
  });

  it('pages the audit log without skipping entries that share a millisecond', async () => {
    for (let i = 0; i < 5; i++) await admin(h, owner, 'PATCH', '/workspace', { name: `Maison Lumen ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin(h, owner, 'GET', `/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const body = (await res.json()) as { entries: { id: string }[]; nextCursor: string | null };
      seen.push(...body.entries.map((e) => e.id));
      cursor = body.nextCursor;
    } while (cursor);
    const all = (await (await admin(h, owner, 'GET', '/audit?limit=200')).json()) as { entries: { id: string }[] };
    expect(seen).toEqual(all.entries.map((e) => e.id));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
