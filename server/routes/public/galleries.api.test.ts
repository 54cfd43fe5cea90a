import { createHarness } from '#harness';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, GalleryPostsResponse } from '../../../shared/api-types.ts';
import { posts, products } from '../../db/schema.ts';
import { DEMO_PUBLIC_POST_IDS } from '../../dev/seed/demo-content.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import { withHostileCaption } from '../../dev/testing/hostile-caption.ts';
import { listAllPublic } from '../../dev/testing/public-api.ts';

const DAY = 86_400_000;
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

async function page(query = '', gallery = 'demo') {
  const res = await request(h, `/v1/galleries/${gallery}/posts${query}`);
  return { res, body: (await res.json()) as GalleryPostsResponse & ApiErrorBody };
}

const allPostIds = (limit: number) => listAllPublic(h, 'demo', limit);

describe('GET /v1/galleries/:id/posts', () => {
  it('lists exactly the public posts, newest first, across pages', async () => {
    const ids = await allPostIds(5);
    expect(ids).toEqual(DEMO_PUBLIC_POST_IDS);
    for (const hidden of ['post_norights', 'post_withdrawn', 'post_pending', 'post_expired', 'post_deleted']) {
      expect(ids).not.toContain(hidden);
    }
  });

  it('uses the gallery page size when no limit is given and says when there is more', async () => {
    const { res, body } = await page();
    expect(res.status).toBe(200);
    expect(body.gallery).toEqual({ id: 'demo', name: 'Worn & loved by you', layout: 'grid' });
    expect(body.posts).toHaveLength(12);
    expect(body.nextCursor).toEqual(expect.any(String));
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('describes each post with re-hosted media, products and hotspots', async () => {
    const { body } = await page('?limit=1');
    const [post] = body.posts;
    expect(post).toMatchObject({
      id: 'post_demo01',
      mediaType: 'image',
      author: { username: 'clara.home' },
      permalink: expect.stringMatching(/^https:\/\/www\.instagram\.com\//),
    });
    const media = post!.media[0]!;
    expect(media).toMatchObject({ type: 'image', width: 1080, height: 1080 });
    expect(media.variants.map((v) => v.width)).toEqual([320, 640, 1080]);
    for (const v of media.variants) expect(v.url).toMatch(/^http:\/\/vitrine\.test\/media\/m\/med_post_demo01_0\/display-\d+\.webp$/);
    expect(post!.products.map((p) => p.sku)).toEqual(['LUM-LAMP-01', 'LUM-MUG-03']);
    expect(post!.products[0]!.price).toEqual({ amount: 12900, currency: 'EUR' });
    expect(post!.hotspots).toHaveLength(2);
    for (const spot of post!.hotspots) {
      expect(spot.x).toBeGreaterThanOrEqual(0);
      expect(spot.x).toBeLessThanOrEqual(1);
    }

    const image = await request(h, new URL(media.variants[0]!.url).pathname);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('shows carousels with every child in order', async () => {
    const ids = (await page('?limit=100')).body.posts;
    const carousel = ids.find((p) => p.id === 'post_demo04')!;
    expect(carousel.mediaType).toBe('carousel');
    expect(carousel.media.map((m) => m.id)).toEqual(['med_post_demo04_0', 'med_post_demo04_1', 'med_post_demo04_2']);
  });

  it('never serves the media of a post that is not public', async () => {
    for (const id of ['post_norights', 'post_withdrawn', 'post_pending', 'post_expired', 'post_deleted']) {
      const res = await request(h, `/media/m/med_${id}_0/display-320.webp`);
      expect(res.status, id).toBe(404);
    }
    expect((await request(h, '/media/m/med_post_demo01_0/original-1080.webp')).status).toBe(404);
    // Encoded so that URL parsing does not normalise them away before the route sees them.
    for (const path of ['/media/%2e%2e/secret.key', '/media/m/..%2f..%2fsecret.key', '/media/m/%2e%2e%2f%2e%2e%2fvitrine.db']) {
      expect((await request(h, path)).status, path).toBe(404);
    }
  });

  it('drops a post and its media the moment its rights are withdrawn', async () => {
    const target = 'post_demo02';
    const mediaPath = `/media/m/med_${target}_0/display-320.webp`;
    expect((await request(h, mediaPath)).status).toBe(200);
    await h.db.update(posts).set({ rightsStatus: 'withdrawn' }).where(eq(posts.id, target));
    try {
      expect(await allPostIds(100)).not.toContain(target);
      expect((await request(h, mediaPath)).status).toBe(404);
    } finally {
      await h.db.update(posts).set({ rightsStatus: 'granted', rightsVerification: 'account' }).where(eq(posts.id, target));
    }
  });

  it('drops a post once its rights expire', async () => {
    const start = h.clock.now();
    h.clock.advance(366 * DAY);
    try {
      const ids = await allPostIds(100);
      expect(ids).not.toContain('post_demo01'); // granted for 365 days
      expect(ids).toContain('post_demo02'); // granted without expiry
    } finally {
      h.clock.set(start);
    }
  });

  describe('bad input gets a 4xx that names the problem', () => {
    it.each([
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=ten', 'limit'],
      ['?limit=1.5', 'limit'],
      ['?cursor=not*base64', 'cursor'],
      [`?cursor=${btoa('hello').replace(/=+$/, '')}`, 'cursor'],
    ])('%s → 400 on %s', async (query, field) => {
      const { res, body } = await page(query);
      expect(res.status).toBe(400);
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.field).toBe(field);
      expect(body.error.message).toContain(field);
    });

    it('an unknown gallery is a 404 naming it', async () => {
      const { res, body } = await page('', 'no-such-gallery');
      expect(res.status).toBe(404);
      expect(body.error).toEqual({ code: 'not_found', message: 'gallery "no-such-gallery" not found' });
    });

    it('an id with characters ids never have is a 400', async () => {
      const { res, body } = await page('', 'demo%20or%201%3D1');
      expect(res.status).toBe(400);
      expect(body.error.field).toBe('id');
    });

    it('an unknown route is a JSON 404', async () => {
      const res = await request(h, '/v1/nothing-here');
      expect(res.status).toBe(404);
      expect(((await res.json()) as ApiErrorBody).error.code).toBe('not_found');
    });
  });
});

describe('product pages', () => {
  it('filters a gallery down to the posts showing a product, by SKU', async () => {
    const { res, body } = await page('?product=LUM-LAMP-01&limit=100');
    expect(res.status).toBe(200);
    expect(body.product).toEqual({ query: 'LUM-LAMP-01', fallback: false });
    expect(body.posts.length).toBeGreaterThan(0);
    for (const post of body.posts) expect(post.products.map((p) => p.sku)).toContain('LUM-LAMP-01');
    expect(body.posts.length).toBeLessThan(DEMO_PUBLIC_POST_IDS.length);
  });

  it('falls back to the whole gallery when no post shows the product, and says so', async () => {
    const { body } = await page('?product=NOT-A-SKU');
    expect(body.product).toEqual({ query: 'NOT-A-SKU', fallback: true });
    expect(body.posts.map((p) => p.id)).toEqual(DEMO_PUBLIC_POST_IDS.slice(0, 12));
  });

  it('can keep to products in stock', async () => {
    await h.db.update(products).set({ availability: 'out_of_stock' }).where(eq(products.sku, 'LUM-MUG-03'));
    try {
      expect((await page('?product=LUM-MUG-03&inStock=true')).body.product?.fallback).toBe(true);
      expect((await page('?product=LUM-MUG-03')).body.product?.fallback).toBe(false);
    } finally {
      await h.db.update(products).set({ availability: 'in_stock' }).where(eq(products.sku, 'LUM-MUG-03'));
    }
  });

  it('names bad product parameters', async () => {
    expect((await page('?product=%3Cscript%3E')).body.error.field).toBe('product');
    expect((await page('?product=LUM-LAMP-01&inStock=yes')).body.error.field).toBe('inStock');
  });
});

describe('server-rendered HTML', () => {
  it('serves the same page as escaped HTML with sized images', async () => {
    await withHostileCaption(h.db);
    const res = await request(h, '/v1/galleries/demo/posts.html?limit=100');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<ul data-vitrine-ssr data-gallery="demo"/);
    expect(html.match(/<li data-post-id=/g)).toHaveLength(DEMO_PUBLIC_POST_IDS.length);
    expect(html).toContain('width="1080" height="1080"');
    // The first row's photos (four at most) load with the page; the others as they come into view.
    expect(Array.from(html.matchAll(/<img [^>]*?(fetchpriority="high"|loading="lazy")/g), (m) => m[1])).toEqual(DEMO_PUBLIC_POST_IDS.map((_, i) => (i < 4 ? 'fetchpriority="high"' : 'loading="lazy"')));
    // The caption with markup in it is escaped, never markup.
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;b&gt;no regrets&lt;/b&gt;');
  });
});

describe('conditional requests', () => {
  it('answers 304 to a browser that has the same page, and 200 once it changed', async () => {
    const first = await request(h, '/v1/galleries/demo/posts?limit=3');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await request(h, '/v1/galleries/demo/posts?limit=3', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    await h.db.update(posts).set({ rightsStatus: 'withdrawn' }).where(eq(posts.id, 'post_demo01'));
    try {
      const changed = await request(h, '/v1/galleries/demo/posts?limit=3', { headers: { 'if-none-match': etag } });
      expect(changed.status).toBe(200);
      expect(((await changed.json()) as GalleryPostsResponse).posts.map((p) => p.id)).not.toContain('post_demo01');
    } finally {
      await h.db.update(posts).set({ rightsStatus: 'granted', rightsVerification: 'account' }).where(eq(posts.id, 'post_demo01'));
    }
  });
});
