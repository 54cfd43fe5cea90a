import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CatalogFormat } from '../../../../shared/admin-types.ts';
import { feedRows, type FeedRow } from './feed-rows.ts';
import { FeedSyntaxError } from './feed-syntax-error.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

async function* chunked(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function read(format: CatalogFormat, text: string, size = 1 << 16, storeUrl: string | null = 'https://shop.example'): Promise<FeedRow[]> {
  const rows: FeedRow[] = [];
  for await (const row of feedRows(format, chunked(text, size), { storeUrl })) rows.push(row);
  return rows;
}

describe('feedRows', () => {
  it('reads Merchant XML: g: fields, CDATA, entities (even escaped twice), nested elements skipped, the line of each item', async () => {
    const rows = await read('merchant_xml', fixture('merchant.xml'));
    expect(rows).toEqual([
      {
        line: 7,
        fields: expect.objectContaining({ id: 'LAMP-ARC-BRS', title: 'Arc floor lamp — brass & linen', link: 'https://shop.example/products/arc-lamp?variant=brass', image_link: 'https://shop.example/img/arc-brass.jpg', price: '129.00 EUR', sale_price: 'EUR99.00', availability: 'in stock', brand: 'Lumen', item_group_id: 'LAMP-ARC', shipping: 'FR\n  4.90 EUR' }),
      },
      { line: 26, fields: expect.objectContaining({ id: 'LAMP-ARC-BLK', title: 'Arc floor lamp — black & linen', link: 'https://shop.example/products/arc-lamp?variant=black&ref=feed', availability: 'out_of_stock' }) },
      { line: 36, fields: expect.objectContaining({ id: 'MUG-SUN', title: 'Café mug "Sunday"' }) },
    ]);
  });

  it('gives the same rows however the file is cut', async () => {
    for (const [format, name] of [['merchant_xml', 'merchant.xml'], ['merchant_tsv', 'merchant.tsv'], ['shopify_json', 'shopify.json'], ['csv', 'catalog.csv']] as const) {
      const whole = await read(format, fixture(name));
      for (const size of [1, 7, 64]) expect(await read(format, fixture(name), size), `${name} in chunks of ${size}`).toEqual(whole);
    }
  });

  it('reads Merchant TSV with a stray quote, and plain CSV with its aliases', async () => {
    expect(await read('merchant_tsv', fixture('merchant.tsv'))).toEqual([
      { line: 2, fields: expect.objectContaining({ id: 'VASE-01', title: 'Stoneware vase 5" tall', price: '24.99 EUR' }) },
      { line: 3, fields: expect.objectContaining({ id: 'TOTE-01', price: 'EUR 35,00', sale_price: 'EUR 29,00', item_group_id: 'TOTE' }) },
    ]);
    expect(await read('csv', fixture('catalog.csv'))).toEqual([
      { line: 2, fields: { id: 'PLATE-1', title: 'Plate, "speckled"', link: 'https://shop.example/plate', image_link: 'https://shop.example/plate.jpg', price: '14.5', currency: 'EUR', availability: 'yes', brand: 'Terre' } },
      { line: 3, fields: expect.objectContaining({ id: 'BOWL-1', availability: 'no', image_link: '' }) },
    ]);
  });

  it('turns Shopify variants into rows: SKU or variant id, sale from compare_at_price, availability, links from the store URL', async () => {
    expect(await read('shopify_json', fixture('shopify.json'))).toEqual([
      { line: 2, fields: expect.objectContaining({ id: 'CUSH-SAND', item_group_id: '7001', title: 'Linen cushion — Sand', link: 'https://shop.example/products/linen-cushion?variant=9001', image_link: 'https://cdn.shopify.com/s/files/cushion.jpg', price: '45.00', sale_price: '39.00', availability: 'in_stock', brand: 'Maison' }) },
      { line: 2, fields: expect.objectContaining({ id: '9002', title: 'Linen cushion — Ink', price: '39.00', sale_price: '', availability: 'out_of_stock' }) },
      { line: 8, fields: expect.objectContaining({ id: 'CANDLE', title: 'Beeswax candle', link: 'https://shop.example/products/candle', image_link: '' }) },
      { line: 10, error: { field: 'variants', message: 'variants: a product needs at least one variant' } },
    ]);
    expect((await read('shopify_json', '[{"id":1,"title":"T","handle":"t","variants":[{"id":2,"price":"1"}]}]', 5, null))[0]).toMatchObject({ fields: { link: '' } });
  });

  it.each([
    ['merchant_xml', '<rss><channel><item><g:id>1</g:id>', /line 1: an <item> is never closed/],
    ['merchant_xml', '{"products": []}', /not an RSS or Atom feed/],
    ['shopify_json', '{"items": []}', /no "products" array found/],
    ['shopify_json', '{"products": [{"id": 1,]}', /line 1: /],
    ['shopify_json', '{"products": [{"id": 1}', /ends in the middle of a value/],
    ['csv', 'title,price\nLamp,3', /line 1: the header row has no id \(or sku\) column/],
    ['csv', 'id\ttitle\n1\tLamp', /looks tab-separated/],
    ['csv', 'id,title\n1,"Lamp', /line 2: a quoted field is never closed/],
  ] as const)('says where a %s file is broken', async (format, text, message) => {
    const error = await read(format, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedSyntaxError);
    expect((error as Error).message).toMatch(message);
  });
});
