/**
 * The custom pixel a Shopify merchant pastes into Settings → Customer events → Add custom pixel,
 * shared by the panel (which shows it) and its tests (which run it). Shopify no longer runs
 * script tags on the order status page; purchases reach a third party only through a pixel,
 * which runs in a sandbox: it subscribes to `checkout_completed` and sends the order to
 * `POST /v1/events` in the same batch a store page sends.
 *
 * The sandbox's requests carry no usable Origin header (`null`, or none), so the batch names its
 * shop (`shop`, the storefront's origin as Shopify reports it), which must be an allowed origin
 * of the workspace. `browser.localStorage` reads the storefront's own storage: the visitor id the
 * gallery kept there, with consent, links the order to the posts that visitor saw. Without it the
 * batch carries no id at all (as a page without consent sends): the order is counted and
 * attributed to no one.
 *
 * Written as plain ES2017 (no build step runs on it) and short: merchants read what they paste.
 */
export function shopifyPixel(origin: string, workspaceId: string): string {
  return `// Vitrine: reports which gallery photos sell. Shopify admin: Settings > Customer events >
// Add custom pixel, paste this, Save, then Connect. Permission: Required (analytics).
const VITRINE = ${JSON.stringify(origin)};
const WORKSPACE = ${JSON.stringify(workspaceId)};
const ID = /^[\\w-]{8,64}$/;
const randomId = (prefix) => prefix + Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');
// Text is cut on whole characters, never inside an emoji, to the length the contract takes.
const cut = (text, max) => { let out = ''; for (const ch of String(text == null ? '' : text)) { if (out.length + ch.length > max) break; out += ch; } return out; };
const stored = (storage, key) => Promise.resolve().then(() => storage.getItem(key)).catch(() => null);

analytics.subscribe('checkout_completed', async (event) => {
  const checkout = event.data.checkout;
  const order = String((checkout.order && checkout.order.id) || event.id).split('/').pop();
  const visitor = await stored(browser.localStorage, 'vitrine:v');
  const session = String((await stored(browser.sessionStorage, 'vitrine:s')) || '').split('.')[0];
  const consented = ID.test(visitor || '');
  const items = (checkout.lineItems || []).slice(0, 100).map((line) => {
    const variant = line.variant || {};
    return {
      item_id: cut(variant.sku || variant.id || line.id || line.title || 'unknown', 100),
      item_name: cut(line.title || (variant.product && variant.product.title), 200),
      price: Number((variant.price && variant.price.amount) || 0),
      quantity: Math.max(1, Math.min(10000, Math.round(line.quantity || 1))),
    };
  });
  const batch = {
    v: 1,
    workspaceId: WORKSPACE,
    shop: event.context.document.location.origin,
    consent: consented ? 'granted' : 'denied',
    events: [{
      id: cut('shp_order_' + order.replace(/[^\\w-]/g, '_'), 64),
      type: 'purchase',
      at: Date.parse(event.timestamp) || Date.now(),
      transaction: { transaction_id: cut(order, 100), value: Number(checkout.totalPrice.amount), currency: checkout.currencyCode, items: items },
    }],
  };
  // With consent, the ids the gallery stored (a new session id if none is current); without, none.
  if (consented) Object.assign(batch, { visitorId: visitor, sessionId: ID.test(session) ? session : randomId('s_') });
  await fetch(VITRINE + '/v1/events', { method: 'POST', mode: 'no-cors', keepalive: true, headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(batch) });
});
`;
}
