import { createHarness } from '../server/dev/testing/harness.node.ts';
import { clearTracking, configureTracking, countOrders, sendEvents, SHOP_ORIGIN } from '../server/dev/testing/tracking-client.ts';
import { describe, expect, it } from 'vitest';
import { eventBatch, type EventBatch } from './schemas/events.ts';
import { shopifyPixel } from './shopify-pixel.ts';

/**
 * Runs the pixel as Shopify's sandbox does: its globals are `analytics` (the customer events
 * bus), `browser` (async access to the storefront's storage) and `fetch`. The event is
 * `checkout_completed` in the documented shape (shopify.dev, Web Pixels API standard events).
 */
async function runPixel(options: { visitor?: string | null; session?: string | null; checkout?: Record<string, unknown>; storageThrows?: boolean } = {}) {
  const handlers = new Map<string, (event: unknown) => Promise<void>>();
  const analytics = { subscribe: (name: string, handler: (event: unknown) => Promise<void>) => handlers.set(name, handler) };
  const storage = (value: string | null | undefined) => ({ getItem: async () => (options.storageThrows ? Promise.reject(new Error('blocked')) : (value ?? null)) });
  const browser = { localStorage: storage(options.visitor), sessionStorage: storage(options.session) };
  const sent: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(null, { status: 204 });
  };
  new Function('analytics', 'browser', 'fetch', shopifyPixel('https://ugc.example', 'ws_demo'))(analytics, browser, fetch);
  expect([...handlers.keys()]).toEqual(['checkout_completed']);
  await handlers.get('checkout_completed')!({
    id: 'sh-88e3-4f2a',
    name: 'checkout_completed',
    timestamp: '2026-03-05T10:00:00.000Z',
    context: { document: { location: { origin: SHOP_ORIGIN, href: `${SHOP_ORIGIN}/checkouts/cn/abc/thank-you` } } },
    data: {
      checkout: {
        order: { id: 'gid://shopify/OrderIdentity/5001' },
        currencyCode: 'EUR',
        totalPrice: { amount: 147.5, currencyCode: 'EUR' },
        subtotalPrice: { amount: 147, currencyCode: 'EUR' },
        lineItems: [
          { id: 'li1', title: 'Arc Table Lamp', quantity: 1, variant: { id: '40002', sku: 'LUM-LAMP-01', price: { amount: 129, currencyCode: 'EUR' }, product: { id: '7001', title: 'Arc Table Lamp' } } },
          { id: 'li2', title: '🕯'.repeat(3000), quantity: 2, variant: { id: '40003', sku: '', price: { amount: 9.25, currencyCode: 'EUR' }, product: { id: '7002', title: 'Candle' } } },
        ],
        ...options.checkout,
      },
    },
  });
  expect(sent).toHaveLength(1);
  expect(sent[0]!.url).toBe('https://ugc.example/v1/events');
  expect(sent[0]!.init).toMatchObject({ method: 'POST', mode: 'no-cors', keepalive: true });
  return JSON.parse(String(sent[0]!.init.body)) as EventBatch;
}

describe('the Shopify custom pixel', () => {
  it('sends the completed checkout as the purchase batch a store page would, with the visitor the gallery stored', async () => {
    const batch = await runPixel({ visitor: 'v_shopper_0001', session: 's_session_0001.1772704800000' });
    expect(eventBatch.safeParse(batch).success).toBe(true);
    expect(batch).toMatchObject({ v: 1, workspaceId: 'ws_demo', shop: SHOP_ORIGIN, visitorId: 'v_shopper_0001', sessionId: 's_session_0001', consent: 'granted' });
    const [event] = batch.events;
    expect(event).toMatchObject({ id: 'shp_order_5001', type: 'purchase', at: Date.parse('2026-03-05T10:00:00.000Z') });
    expect(event!.transaction).toMatchObject({ transaction_id: '5001', value: 147.5, currency: 'EUR' });
    // The SKU names the product, else the variant id (as a catalog imported from Shopify names it).
    expect(event!.transaction!.items.map((i) => [i.item_id, i.price, i.quantity])).toEqual([['LUM-LAMP-01', 129, 1], ['40003', 9.25, 2]]);
  });

  it('cuts a long name on whole characters to what the contract takes', async () => {
    const batch = await runPixel({ visitor: 'v_shopper_0001' });
    const name = batch.events[0]!.transaction!.items[1]!.item_name!;
    expect(name.length).toBe(200);
    expect(name).toBe('🕯'.repeat(100));
    expect(eventBatch.safeParse(batch).success).toBe(true);
  });

  it('counts the order without a visitor when the shopper gave no consent (nothing stored), or storage is out of reach', async () => {
    for (const options of [{ visitor: null }, { visitor: 'not an id!' }, { storageThrows: true }]) {
      const batch = await runPixel(options);
      expect(batch.consent).toBe('denied');
      expect(batch.visitorId).toBeUndefined();
      expect(batch.sessionId).toBeUndefined();
      expect(eventBatch.safeParse(batch).success).toBe(true);
    }
  });

  it('is taken by the server from the pixel sandbox (Origin: null), once however often Shopify replays the event', async () => {
    const h = await createHarness();
    await clearTracking(h);
    await configureTracking(h);
    const batch = await runPixel({ visitor: 'v_shopper_0001' });
    for (let i = 0; i < 2; i++) expect((await sendEvents(h, batch, { origin: 'null' })).status).toBe(204);
    expect(await countOrders(h, '5001')).toBe(1);
  });
});
