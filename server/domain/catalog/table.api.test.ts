import { createHarness } from '#harness';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogProductsPage } from '../../../shared/admin-types.ts';
import { addMember, admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import type { Harness } from '../../dev/testing/harness.ts';

let h: Harness;
let owner: AdminSession;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
});

const page = async (query: string, session = owner) => {
  const res = await admin(h, session, 'GET', `/catalog/products${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as CatalogProductsPage;
};

describe('GET /admin/catalog/products', () => {
  it('lists every live product by title, with its price, feed and the posts tagged with it', async () => {
    const all = await page('');
    expect(all.total).toBe(6);
    expect(all.nextOffset).toBe(null);
    expect(all.products.map((p) => p.title)).toEqual([...all.products.map((p) => p.title)].sort((a, b) => (a < b ? -1 : 1)));
    const lamp = all.products.find((p) => p.sku === 'LUM-LAMP-01')!;
    expect(lamp).toMatchObject({ title: 'Arc Table Lamp', price: { amount: 12900, currency: 'EUR' }, availability: 'in_stock' });
    expect(lamp.taggedPosts).toBeGreaterThan(0);
    const rows = await h.db.all<{ n: number }>(`select count(distinct post_id) as n from post_products where product_id = '${lamp.id}'` as never);
    expect(lamp.taggedPosts).toBe(Number(rows[0]!.n));
  });

  it('searches title, SKU and brand, and pages without repeating a product', async () => {
    expect((await page('?q=mug')).products.map((p) => p.sku)).toEqual(['LUM-MUG-03']);
    expect((await page('?q=lum-vase')).products.map((p) => p.title)).toEqual(['Ripple Stoneware Vase']);
    expect((await page('?q=%25')).total).toBe(0);
    const first = await page('?limit=4');
    expect(first).toMatchObject({ total: 6, nextOffset: 4 });
    const second = await page(`?limit=4&offset=${first.nextOffset}`);
    expect(second.nextOffset).toBe(null);
    expect(new Set([...first.products, ...second.products].map((p) => p.id)).size).toBe(6);
  });

  it('refuses a bad page size by name, and a search of astral text is cut on code points', async () => {
    const res = await admin(h, owner, 'GET', '/catalog/products?limit=0');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^limit/);
    expect((await page(`?q=${encodeURIComponent('🙂'.repeat(150))}`)).total).toBe(0);
  });

  it('is readable by analysts too', async () => {
    const analyst = await addMember(h, owner, 'analyst.catalog@example.com', 'analyst');
    expect((await page('', analyst)).total).toBe(6);
  });
});
