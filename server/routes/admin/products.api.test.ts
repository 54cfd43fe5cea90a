import { createHarness } from '#harness';
import { beforeAll, expect, it } from 'vitest';
import type { PublicProduct } from '../../../shared/api-types.ts';
import { admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import type { Harness } from '../../dev/testing/harness.ts';

let h: Harness;
let owner: AdminSession;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
});

const list = async (path: string) => ((await (await admin(h, owner, 'GET', path)).json()) as { products: PublicProduct[] }).products;

it('searches by title, SKU or brand', async () => {
  const found = await list('/products?q=lamp&limit=5');
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((p) => `${p.title} ${p.sku}`.toLowerCase().includes('lamp'))).toBe(true);
});

it('names chosen products by id, however many, and only the workspace\'s own', async () => {
  const all = await list('/products?limit=100');
  const ids = all.map((p) => p.id);
  const named = await list(`/products?ids=${[...ids, 'prod_elsewhere'].join(',')}`);
  expect(named.map((p) => p.id).sort()).toEqual([...ids].sort());
  expect(await list('/products?ids=')).toEqual([]);
  const bad = await admin(h, owner, 'GET', '/products?ids=prod_demo1,../etc');
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { field: 'ids.1' } });
});
