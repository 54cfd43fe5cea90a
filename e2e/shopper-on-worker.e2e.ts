/**
 * Journey 3 (shopper) against the Worker (`wrangler dev`, as `npm run dev:worker` runs it): the
 * demo store at `/` shows the gallery from D1 and R2, a post's product goes into the cart, and
 * the order is placed and reported to the Worker's event ingest.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { GalleryPostsResponse } from '../shared/api-types.ts';
import { DEMO_GALLERY_ID } from '../server/dev/seed/demo-content.ts';
import { launchChromium } from './chromium.ts';
import { startWorker, type RunningWorker } from './worker-server.ts';

let worker: RunningWorker;
let browser: Browser;
before(async () => {
  [worker, browser] = await Promise.all([startWorker(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await worker?.stop();
});

test('on the Worker, a shopper sees the demo gallery at / and orders a product from a post', async () => {
  const gallery = (await (await fetch(`${worker.url}/v1/galleries/${DEMO_GALLERY_ID}/posts`)).json()) as GalleryPostsResponse;
  const post = gallery.posts.find((p) => p.products.some((product) => product.price && product.availability === 'in_stock'));
  assert.ok(post, 'the demo gallery has a post with a product on sale');
  const product = post.products.find((p) => p.price && p.availability === 'in_stock')!;

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const store = await context.newPage();
  const errors: string[] = [];
  store.on('pageerror', (e) => errors.push(e.message));
  await store.goto(`${worker.url}/`);
  assert.equal(await store.title(), 'Maison Lumen — objects for slow mornings');
  const tiles = store.locator('vitrine-gallery [part~="tile"]');
  await tiles.first().waitFor({ timeout: 20_000 });
  const shown = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')));
  assert.deepEqual(shown, gallery.posts.slice(0, shown.length).map((p) => p.id));
  // Its images are the Worker's own media (R2), not Instagram's.
  const src = await tiles.first().locator('img').first().getAttribute('src');
  assert.match(src ?? '', new RegExp(`^${worker.url}/media/`));

  await store.locator(`vitrine-gallery [data-post-id="${post.id}"] [part~="open"]`).click();
  await store.locator('vitrine-gallery dialog[open]').waitFor();
  await store.locator(`vitrine-gallery [part~="products"] [part~="add-to-cart"][aria-label="Add to cart: ${product.title}"]`).click();
  await store.locator('vitrine-gallery [part~="status"]', { hasText: 'added to your cart' }).waitFor();

  await store.goto(`${worker.url}/cart.html`);
  assert.equal(await store.locator(`[data-lines] tr[data-sku="${product.sku}"]`).count(), 1);
  // The confirmation page hands the purchase to the Worker's ingest, which stores it in D1 (the
  // tracker sends within 5 s; the local state may hold earlier runs' purchases).
  const before = worker.eventCount('purchase');
  await store.getByRole('button', { name: 'Place order' }).click();
  await store.waitForURL(/\/order\.html$/);
  assert.match((await store.locator('[data-order-id]').textContent()) ?? '', /^ML-/);
  for (let polls = 0; worker.eventCount('purchase') === before; polls++) {
    if (polls === 30) assert.fail('no purchase event was stored within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  assert.deepEqual(errors, []);
  await context.close();
});
