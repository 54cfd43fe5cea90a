import { expect, it } from 'vitest';
import { rankProducts } from './product-suggestions.ts';

const catalog = [
  { title: 'Arc Table Lamp', brand: 'Maison Lumen', sku: 'LUM-LAMP-01' },
  { title: 'Ripple Stoneware Vase', brand: 'Maison Lumen', sku: 'LUM-VASE-02' },
  { title: 'Morning Mug, Sand', brand: 'Maison Lumen', sku: 'LUM-MUG-03' },
  { title: 'Market Tote, Olive', brand: 'Maison Lumen', sku: 'LUM-BAG-04' },
];

it('ranks the products a caption names first, hashtags included', () => {
  expect(rankProducts('Sunday light on the new lamp ✨ #YesLumen', catalog, 3)[0]!.product.sku).toBe('LUM-LAMP-01');
  expect(rankProducts('Coffee in my #morningmug', catalog, 3)[0]!.product.sku).toBe('LUM-MUG-03');
  expect(rankProducts('Love the stoneware vase and the olive tote', catalog, 2).map((r) => r.product.sku).sort()).toEqual(['LUM-BAG-04', 'LUM-VASE-02']);
  expect(rankProducts('bought LUM-BAG-04 yesterday', catalog, 1)[0]!.product.sku).toBe('LUM-BAG-04');
});

it('suggests nothing for an unrelated caption, and common words count little', () => {
  expect(rankProducts('What a sunset at the beach', catalog, 3)).toEqual([]);
  // Every product carries the brand, so naming it (or @mentioning it) suggests nothing.
  expect(rankProducts('Thanks @maisonlumen, Maison Lumen forever', catalog, 4)).toEqual([]);
  expect(rankProducts('Thanks @maisonlumen for the lamp', catalog, 4).map((r) => r.product.sku)).toEqual(['LUM-LAMP-01']);
});
