import { createHarness } from '#harness';
import { beforeAll, expect, it } from 'vitest';
import type { AdminPostDetail } from '../../../shared/admin-types.ts';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import { admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';

let h: Harness;
let owner: AdminSession;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
});

const detail = async (id: string) => (await (await admin(h, owner, 'GET', `/posts/${id}`)).json()) as AdminPostDetail;

it('suggests the products a caption names, first', async () => {
  const res = await admin(h, owner, 'GET', '/posts/post_demo01/product-suggestions');
  const { products } = (await res.json()) as { products: { sku: string; score: number }[] };
  expect(products[0]!.sku).toBe('LUM-LAMP-01'); // "Sunday light on the new lamp"
});

it('tags, moves and removes hotspots, which the public API and product pages follow', async () => {
  const media = (await detail('post_demo04')).media; // a carousel
  const added = await admin(h, owner, 'POST', '/posts/post_demo04/products', { productId: 'prod_demo6', mediaId: media[2]!.id, x: 0.25, y: 0.75 });
  expect(added.status).toBe(201);
  const tag = (await added.json()) as { id: string };
  const shown = (await detail('post_demo04')).products.find((p) => p.tagId === tag.id)!;
  expect(shown).toMatchObject({ sku: 'LUM-CNDL-06', hotspot: { mediaId: media[2]!.id, x: 0.25, y: 0.75 } });

  expect((await admin(h, owner, 'PATCH', `/posts/post_demo04/products/${tag.id}`, { x: 0.5, y: 0.5 })).status).toBe(200);
  const page = (await (await request(h, '/v1/galleries/demo/posts?product=LUM-CNDL-06&limit=100')).json()) as GalleryPostsResponse;
  const post = page.posts.find((p) => p.id === 'post_demo04')!;
  expect(post.hotspots).toContainEqual({ productId: 'prod_demo6', mediaId: media[2]!.id, x: 0.5, y: 0.5 });

  expect((await admin(h, owner, 'DELETE', `/posts/post_demo04/products/${tag.id}`)).status).toBe(204);
  expect((await detail('post_demo04')).products.some((p) => p.tagId === tag.id)).toBe(false);
});

it('names bad hotspots and unknown products or media', async () => {
  const field = async (body: object) => ((await (await admin(h, owner, 'POST', '/posts/post_demo01/products', body)).json()) as { error: { field: string } }).error.field;
  expect(await field({ productId: 'prod_demo1', x: 1.5, y: 0.5 })).toBe('x');
  expect(await field({ productId: 'prod_nope', x: 0.5, y: 0.5 })).toBe('productId');
  expect(await field({ productId: 'prod_demo1', mediaId: 'med_post_demo02_0', x: 0.5, y: 0.5 })).toBe('mediaId');
});
