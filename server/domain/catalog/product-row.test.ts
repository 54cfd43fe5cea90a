import { describe, expect, it } from 'vitest';
import { fieldName, readAvailability, rowHash, toProductRow } from './product-row.ts';

describe('fieldName', () => {
  it('maps Merchant Center names, prefixes and plain CSV aliases', () => {
    expect(['g:id', 'SKU', 'Image Link', 'image_url', 'g:item_group_id', 'Vendor', 'EAN', 'name', 'url', 'color'].map(fieldName)).toEqual([
      'id', 'id', 'image_link', 'image_link', 'item_group_id', 'brand', 'gtin', 'title', 'link', 'color',
    ]);
  });
});

describe('readAvailability', () => {
  it('reads the spellings feeds use', () => {
    expect(['in stock', 'in_stock', 'InStock', 'https://schema.org/OutOfStock', 'out of stock', 'preorder', 'pre-order', 'backorder', 'TRUE', '0'].map(readAvailability)).toEqual([
      'in_stock', 'in_stock', 'in_stock', 'out_of_stock', 'out_of_stock', 'preorder', 'preorder', 'backorder', 'in_stock', 'out_of_stock',
    ]);
    expect(readAvailability('maybe')).toBeNull();
  });
});

describe('toProductRow', () => {
  const good = { id: 'LAMP-1', title: 'Arc lamp', link: 'https://shop.example/lamp', image_link: 'https://shop.example/lamp.jpg', price: '129.00 EUR', availability: 'in stock' };

  it('builds a product with prices in minor units', () => {
    expect(toProductRow({ ...good, sale_price: '99 EUR', brand: 'Lumen', item_group_id: 'LAMP' }, null)).toEqual({
      ok: true,
      row: { sku: 'LAMP-1', groupId: 'LAMP', title: 'Arc lamp', brand: 'Lumen', gtin: null, link: 'https://shop.example/lamp', imageUrl: 'https://shop.example/lamp.jpg', priceMinor: 12900, salePriceMinor: 9900, currency: 'EUR', availability: 'in_stock' },
    });
  });

  it('takes the currency from a column or the feed when the price has none', () => {
    expect(toProductRow({ ...good, price: '12.5', currency: 'gbp' }, 'EUR')).toMatchObject({ ok: true, row: { priceMinor: 1250, currency: 'GBP' } });
    expect(toProductRow({ ...good, price: '12.5' }, 'EUR')).toMatchObject({ ok: true, row: { priceMinor: 1250, currency: 'EUR' } });
  });

  it.each([
    [{ id: '' }, 'id', 'id: is missing'],
    [{ id: 'x'.repeat(101) }, 'id', 'id: is longer than 100 characters'],
    [{ title: ' ' }, 'title', 'title: is missing'],
    [{ link: 'javascript:alert(1)' }, 'link', 'link: "javascript:alert(1)" is not an http(s) URL'],
    [{ image_link: 'lamp.jpg' }, 'image_link', 'image_link: "lamp.jpg" is not an http(s) URL'],
    [{ price: 'call us' }, 'price', 'price: "call us" is not a price'],
    [{ sale_price: '10 USD' }, 'sale_price', 'sale_price: is in USD but the price is in EUR'],
    [{ availability: 'soon' }, 'availability', 'availability: "soon" is not one of in stock, out of stock, preorder, backorder'],
  ])('names the field of a bad row: %j', (patch, field, message) => {
    expect(toProductRow({ ...good, ...patch }, null)).toEqual({ ok: false, error: { field, message } });
  });

  it('hashes the imported fields as the feed wrote them, and the feed currency', () => {
    const hash = (patch: object, currency: string | null = null) => rowHash({ ...good, ...patch }, currency);
    expect(hash({})).toBe(hash({}));
    expect(hash({ description: 'changed', shipping: 'FR' })).toBe(hash({}));
    expect(hash({ title: ' Arc lamp ' })).toBe(hash({}));
    expect(new Set([hash({}), hash({ price: '129.01 EUR' }), hash({ availability: 'out of stock' }), hash({ brand: 'B' }), hash({ item_group_id: 'G' }), hash({}, 'EUR')]).size).toBe(6);
  });
});
