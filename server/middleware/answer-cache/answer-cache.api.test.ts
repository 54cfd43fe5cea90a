/**
 * The public answer cache never serves what a write has changed: for each kind of write a
 * gallery can show, the next read of an already-cached URL equals a freshly made answer (a URL
 * never asked before) and differs from what was cached. Runs on libSQL and on D1.
 */
import { createHarness } from '#harness';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { postMedia, posts, products } from '../../db/schema.ts';
import { admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';

const HOUR = 3_600_000;
let h: Harness;
let owner: AdminSession;
let fresh = 0;

beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
});

const CACHED = ['/v1/galleries/demo/posts?limit=100', '/v1/galleries/demo/posts.html?limit=100'];

async function get(path: string) {
  const res = await request(h, path);
  return { status: res.status, cache: res.headers.get('x-vitrine-cache'), etag: res.headers.get('etag'), body: await res.text() };
}

/** Warms the cached URLs, runs the write, and checks the next reads against fresh answers. */
async function expectSeen(write: () => Promise<unknown>) {
  const before: string[] = [];
  for (const path of CACHED) {
    await get(path);
    const warm = await get(path);
    expect(warm.cache, `${path} is served from the cache before the write`).toBe('hit');
    before.push(warm.body);
  }
  await write();
  for (const [i, path] of CACHED.entries()) {
    const after = await get(path);
    const made = await get(`${path}&fresh=${++fresh}`);
    expect(made.cache).toBe('miss');
    expect(after.status).toBe(200);
    expect(after.body, `${path} after the write`).toBe(made.body);
    // The HTML shows no products, so only the JSON is sure to change with every kind of write.
    if (i === 0) expect(after.body, `${path}: the write changed the answer`).not.toBe(before[i]);
  }
}

const publicIds = async () => (JSON.parse((await get(`/v1/galleries/demo/posts?limit=100&fresh=${++fresh}`)).body) as { posts: { id: string }[] }).posts.map((p) => p.id);

describe('each write a gallery can show is seen by the next read', () => {
  it('serves repeated reads from memory, with the same ETag and 304s', async () => {
    const first = await get('/v1/galleries/demo/posts?limit=5');
    const second = await get('/v1/galleries/demo/posts?limit=5');
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    expect(second.etag).toBe(first.etag);
    expect(second.body).toBe(first.body);
    const revalidated = await request(h, '/v1/galleries/demo/posts?limit=5', { headers: { 'if-none-match': first.etag! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('access-control-allow-origin')).toBe('*');
    // Node compresses answers and marks their ETag weak: the browser sends that form back.
    const weak = await request(h, '/v1/galleries/demo/posts?limit=5', { headers: { 'if-none-match': `W/${first.etag!}` } });
    expect(weak.status).toBe(304);
  });

  it('makes an answer once for requests that arrive together, and all get it', async () => {
    const together = await Promise.all(Array.from({ length: 8 }, () => get('/v1/galleries/demo/posts?limit=7')));
    expect(together.map((r) => r.cache).sort()).toEqual(['miss', ...Array(7).fill('shared')]);
    expect(new Set(together.map((r) => r.body)).size).toBe(1);
  });

  it('moderation', () =>
    expectSeen(async () => {
      const res = await admin(h, owner, 'POST', '/posts/moderation', { ids: ['post_demo01'], status: 'rejected' });
      expect(res.status).toBe(200);
    }));

  it('moderation undone', () => expectSeen(() => admin(h, owner, 'POST', '/posts/moderation', { ids: ['post_demo01'], status: 'approved' })));

  it('rights granted and withdrawn on the rights page', async () => {
    // A grant typed on the page counts at once only for a request sent privately where the
    // workspace accepts that (otherwise it waits for the author's account, and nothing changes yet).
    await admin(h, owner, 'PATCH', '/workspace', { settings: { acceptPageOnlyForPrivateRequests: true } });
    const asked = await admin(h, owner, 'POST', '/rights/requests', { postIds: ['post_norights'], language: 'en' });
    const { id, link } = ((await asked.json()) as { requests: { id: string; link: string }[] }).requests[0]!;
    expect((await admin(h, owner, 'POST', `/rights/requests/${id}/sent`, { via: 'direct_message' })).status).toBe(204);
    const path = new URL(link).pathname;
    const form = async () => /name="form" value="([0-9a-f]+)"/.exec(await (await request(h, path)).text())![1]!;
    const answer = async (fields: Record<string, string>) => {
      const res = await request(h, path, { method: 'POST', body: new URLSearchParams({ ...fields, form: await form() }), headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'test' } });
      expect(res.status).toBe(303);
    };
    const author = (await h.db.select().from(posts).where(eq(posts.id, 'post_norights')))[0]!.authorUsername!;
    await expectSeen(() => answer({ action: 'grant', handle: author, agree: 'yes' }));
    expect(await publicIds()).toContain('post_norights');
    await expectSeen(() => answer({ action: 'withdraw' }));
    expect(await publicIds()).not.toContain('post_norights');
  });

  it('product tags added and removed', async () => {
    let tagId = '';
    await expectSeen(async () => {
      const res = await admin(h, owner, 'POST', '/posts/post_demo02/products', { productId: 'prod_demo1', x: 0.25, y: 0.75 });
      expect(res.status).toBe(201);
      tagId = ((await res.json()) as { id: string }).id;
    });
    await expectSeen(() => admin(h, owner, 'DELETE', `/posts/post_demo02/products/${tagId}`));
  });

  it('a product changed by a catalog import', () => expectSeen(() => h.db.update(products).set({ title: 'Renamed lamp', updatedAt: h.clock.now() }).where(eq(products.id, 'prod_demo1'))));

  it('gallery settings', () => expectSeen(() => admin(h, owner, 'PATCH', '/galleries/demo', { name: 'Renamed gallery' })));

  it('workspace settings the answer carries', () => expectSeen(() => admin(h, owner, 'PATCH', '/workspace', { settings: { holdoutShare: 0.1 } })));

  it('media re-hosted by collection', async () => {
    await expectSeen(() => h.db.update(postMedia).set({ storeStatus: 'pending' }).where(eq(postMedia.postId, 'post_demo03')));
    await expectSeen(() => h.db.update(postMedia).set({ storeStatus: 'stored' }).where(eq(postMedia.postId, 'post_demo03')));
  });

  it('a post deleted at its source', () => expectSeen(() => h.db.update(posts).set({ sourceDeletedAt: h.clock.now() }).where(eq(posts.id, 'post_demo05'))));

  it('a post erased at its author’s request', () => expectSeen(() => h.db.update(posts).set({ erasedAt: h.clock.now(), caption: '' }).where(eq(posts.id, 'post_demo06'))));

  it('a grant that ends, with no write at all', async () => {
    await h.db.update(posts).set({ rightsExpiresAt: h.clock.now() + HOUR }).where(eq(posts.id, 'post_demo07'));
    await expectSeen(async () => h.clock.advance(2 * HOUR));
    expect(await publicIds()).not.toContain('post_demo07');
  });

  it('grants that end one after the other, with no write at all', async () => {
    await h.db.update(posts).set({ rightsExpiresAt: h.clock.now() + HOUR }).where(eq(posts.id, 'post_demo08'));
    await h.db.update(posts).set({ rightsExpiresAt: h.clock.now() + 3 * HOUR }).where(eq(posts.id, 'post_demo09'));
    await expectSeen(async () => h.clock.advance(2 * HOUR));
    expect(await publicIds()).not.toContain('post_demo08');
    expect(await publicIds()).toContain('post_demo09');
    // The second expiry is the one the answers made after the first are good until.
    await expectSeen(async () => h.clock.advance(2 * HOUR));
    expect(await publicIds()).not.toContain('post_demo09');
  });

  it('keeps memory bounded whatever queries clients invent', async () => {
    for (let i = 0; i < 50; i++) expect((await get(`/v1/galleries/demo/posts?limit=1&x=${i}`)).status).toBe(200);
    // Unknown galleries and bad parameters are never cached: they answer the same as without a cache.
    expect((await get('/v1/galleries/nope/posts')).status).toBe(404);
    expect((await get('/v1/galleries/demo/posts?limit=0')).status).toBe(400);
    expect((await get('/v1/galleries/demo/posts?limit=0')).cache).toBe('miss');
  });
});
