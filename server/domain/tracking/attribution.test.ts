import { describe, expect, it } from 'vitest';
import { attributeOrder, CLICK_TYPES, orderRollupDeltas, type AttributionInput, type Touch, type TouchType } from './attribution.ts';

const HOUR = 3_600_000;
const ORDER_AT = 100 * HOUR;
const CLICK_HOURS = 24;
const VIEW_HOURS = 2;

/** Where a touch stands against its window: well inside, exactly at its far edge, just past it, or after the order. */
const PLACES = ['none', 'inside', 'edge', 'outside', 'after'] as const;
type Place = (typeof PLACES)[number];
const at = (place: Exclude<Place, 'none'>, hours: number) =>
  ({ inside: ORDER_AT - HOUR, edge: ORDER_AT - hours * HOUR, outside: ORDER_AT - hours * HOUR - 1, after: ORDER_AT + 1 })[place];
const counts = (place: Place) => place === 'inside' || place === 'edge';

const touch = (type: TouchType, when: number, postId: string, galleryId: string, productId: string | null = null): Touch => ({ type, at: when, postId, galleryId, productId });
const input = (touches: Touch[], extra: Partial<AttributionInput> = {}): AttributionInput => ({
  orderAt: ORDER_AT,
  valueMinor: 5000,
  touches,
  clickWindowHours: CLICK_HOURS,
  viewWindowHours: VIEW_HOURS,
  lines: [],
  productsOfPost: () => new Set(),
  ...extra,
});

describe('attributeOrder', () => {
  // Every click type and a view, each in every place against its window: the whole table.
  for (const clickType of CLICK_TYPES) {
    for (const click of PLACES) {
      for (const view of PLACES) {
        it(`credits a ${clickType} ${click} and a view ${view}`, () => {
          const touches = [
            ...(click === 'none' ? [] : [touch(clickType, at(click, CLICK_HOURS), 'post_click', 'gal_a')]),
            ...(view === 'none' ? [] : [touch('view_item_list', at(view, VIEW_HOURS), 'post_view', 'gal_b')]),
          ];
          const credits = attributeOrder(input(touches));
          if (counts(click)) {
            expect(credits[0]).toEqual({ kind: 'last_click', galleryId: 'gal_a', postId: 'post_click', productId: null, valueMinor: 5000 });
            // A view that counts assisted: its post and its (other) gallery.
            expect(credits.slice(1)).toEqual(
              counts(view)
                ? [
                    { kind: 'assisted', galleryId: 'gal_b', postId: 'post_view', productId: null, valueMinor: 5000 },
                    { kind: 'assisted', galleryId: 'gal_b', postId: null, productId: null, valueMinor: 5000 },
                  ]
                : [],
            );
          } else if (counts(view)) {
            expect(credits).toEqual([{ kind: 'last_view', galleryId: 'gal_b', postId: 'post_view', productId: null, valueMinor: 5000 }]);
          } else {
            expect(credits).toEqual([]);
          }
        });
      }
    }
  }

  it('credits the latest click, and a tie to the touch listed last', () => {
    const credits = attributeOrder(input([touch('select_content', ORDER_AT - 3 * HOUR, 'post_1', 'gal'), touch('add_to_cart', ORDER_AT - HOUR, 'post_2', 'gal'), touch('select_item', ORDER_AT - HOUR, 'post_3', 'gal')]));
    expect(credits.map((c) => [c.kind, c.postId])).toEqual([
      ['last_click', 'post_3'],
      ['assisted', 'post_1'],
      ['assisted', 'post_2'],
    ]);
  });

  it("shares the credit with the order's products the shopper clicked or the post shows, once each with all their lines", () => {
    const credits = attributeOrder(
      input([touch('select_item', ORDER_AT - HOUR, 'post_1', 'gal', 'prod_clicked')], {
        lines: [
          { productId: 'prod_clicked', valueMinor: 1000 },
          { productId: 'prod_shown', valueMinor: 700 },
          { productId: 'prod_other', valueMinor: 300 },
          { productId: 'prod_clicked', valueMinor: 500 },
        ],
        productsOfPost: (postId) => new Set(postId === 'post_1' ? ['prod_shown'] : []),
      }),
    );
    expect(credits.filter((c) => c.productId !== null).map((c) => [c.kind, c.productId, c.valueMinor])).toEqual([
      ['last_click', 'prod_clicked', 1500],
      ['last_click', 'prod_shown', 700],
    ]);
  });
});

describe('orderRollupDeltas', () => {
  it('counts the last touch for the workspace, its gallery, post and products, and assists apart', () => {
    const credits = attributeOrder(
      input([touch('select_content', ORDER_AT - HOUR, 'post_1', 'gal_a'), touch('view_item_list', ORDER_AT - HOUR, 'post_2', 'gal_b')], {
        lines: [{ productId: 'prod', valueMinor: 800 }],
        productsOfPost: () => new Set(['prod']),
      }),
    );
    const row = (orders: number, revenueMinor: number, assistedOrders: number, assistedRevenueMinor: number) => ({ orders, revenueMinor, assistedOrders, assistedRevenueMinor });
    expect(orderRollupDeltas(credits)).toEqual([
      { dimension: 'workspace', dimensionId: '', ...row(1, 5000, 0, 0) },
      { dimension: 'workspace', dimensionId: '', ...row(0, 0, 1, 5000) },
      { dimension: 'gallery', dimensionId: 'gal_a', ...row(1, 5000, 0, 0) },
      { dimension: 'post', dimensionId: 'post_1', ...row(1, 5000, 0, 0) },
      { dimension: 'product', dimensionId: 'prod', ...row(1, 800, 0, 0) },
      { dimension: 'post', dimensionId: 'post_2', ...row(0, 0, 1, 5000) },
      { dimension: 'gallery', dimensionId: 'gal_b', ...row(0, 0, 1, 5000) },
    ]);
  });

  it('adds nothing for an order no touch credits', () => {
    expect(orderRollupDeltas([])).toEqual([]);
  });
});
