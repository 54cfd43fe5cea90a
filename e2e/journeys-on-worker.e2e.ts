/**
 * The journeys that matter, against the Worker (`wrangler dev`, as `npm run dev:worker` runs it,
 * on a local D1 and R2 of its own): the shopper sees the demo store's gallery at `/` and orders
 * from a post; the merchandiser signs in to the panel, approves a post and tags a product on it;
 * the author withdraws from the rights link and the post and its image are gone at once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { GalleryPostsResponse } from '../shared/api-types.ts';
import { rightsToken } from '../server/domain/rights/links.ts';
import { DEMO_GALLERY_ID, DEMO_POSTS } from '../server/dev/seed/demo-content.ts';
import { launchChromium } from './chromium.ts';
import { searchInbox, signInToPanel } from './panel-steps.ts';
import { startWorker, WORKER_APP_SECRET, type RunningWorker } from './worker-server.ts';

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

  // The button's own click, as Enter on it gives: a click at coordinates can land beside it when
  // the masonry grid reflows under a loaded wrangler dev (images still arriving).
  await store.locator(`vitrine-gallery [data-post-id="${post.id}"] [part~="open"]`).evaluate((button) => (button as HTMLElement).click());
  await store.locator('vitrine-gallery dialog[open]').waitFor();
  await store.locator(`vitrine-gallery [part~="products"] [part~="add-to-cart"][aria-label="Add to cart: ${product.title}"]`).click();
  await store.locator('vitrine-gallery [part~="status"]', { hasText: 'added to your cart' }).waitFor();

  await store.goto(`${worker.url}/cart.html`);
  assert.equal(await store.locator(`[data-lines] tr[data-sku="${product.sku}"]`).count(), 1);
  // The confirmation page hands the purchase to the Worker's ingest, which stores it in D1 (the
  // tracker sends within 5 s).
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

async function galleryPosts(query = ''): Promise<GalleryPostsResponse['posts']> {
  const response = await fetch(`${worker.url}/v1/galleries/${DEMO_GALLERY_ID}/posts?limit=100${query}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as GalleryPostsResponse).posts;
}

/** Whether the demo store's first page of the gallery shows the post, to a shopper arriving now (a fresh context). */
async function storeShows(postId: string): Promise<boolean> {
  const context = await browser.newContext();
  try {
    const store = await context.newPage();
    await store.goto(`${worker.url}/`);
    await store.locator('vitrine-gallery [data-post-id]').first().waitFor({ timeout: 20_000 });
    return (await store.locator(`vitrine-gallery [data-post-id="${postId}"]`).count()) > 0;
  } finally {
    await context.close();
  }
}

const currentRow = (page: Page) => page.locator('[role="option"][aria-current="true"]');

test('on the Worker, the merchandiser signs in, approves a pending post and tags a product on it', async () => {
  const POST = 'post_pending';
  const SKU = 'LUM-CNDL-06';
  const TITLE = 'Fig Leaf Candle';
  assert.ok(!(await galleryPosts()).some((p) => p.id === POST), 'the pending post starts out of the gallery');

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInToPanel(page, worker);
  // The inbox opens on the pending posts with the list focused; j moves the cursor, a approves.
  await currentRow(page).waitFor();
  await page.locator('[role="listbox"]').focus();
  for (let step = 0; (await currentRow(page).getAttribute('data-post-id')) !== POST; step++) {
    assert.ok(step < 30, `${POST} not found in the pending list`);
    await page.keyboard.press('j');
  }
  await page.keyboard.press('a');
  await page.getByRole('status').filter({ hasText: 'Approved 1 post.' }).waitFor();
  assert.ok((await galleryPosts()).some((p) => p.id === POST), 'the approved post is public (its author granted rights)');

  // Its details, among the approved posts: click the picture, pick the candle.
  await page.getByRole('button', { name: /^Approved/ }).click();
  await searchInbox(page, DEMO_POSTS.find((p) => p.id === POST)!.author);
  await page.locator(`[role="option"][aria-current="true"][data-post-id="${POST}"]`).waitFor();
  await page.locator('[role="listbox"]').focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: 'Post details' });
  const picture = details.locator('.tag-stage');
  await picture.locator('img').waitFor();
  const box = (await picture.boundingBox())!;
  await page.mouse.click(box.x + 0.5 * box.width, box.y + 0.5 * box.height);
  await details.getByRole('combobox', { name: 'Product: title or SKU' }).fill('fig leaf');
  await details.getByRole('option', { name: new RegExp(TITLE) }).click();
  await page.getByRole('status').filter({ hasText: `Tagged ${TITLE}` }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();

  const tagged = (await galleryPosts(`&product=${SKU}`)).find((p) => p.id === POST);
  assert.ok(tagged, 'the candle filter finds the post');
  assert.ok(tagged.hotspots.some((h) => h.productId === tagged.products.find((p) => p.sku === SKU)!.id), 'with the hotspot where it was dropped');
});

test('on the Worker, the author withdraws from the rights link and the post and its image are gone at once', async () => {
  // A post whose author agreed on the rights page, with the link the author was sent then.
  const POST = 'post_demo02';
  const [request] = worker.query<{ id: string; status: string }>(`select id, status from rights_requests where post_id = '${POST}'`);
  assert.equal(request?.status, 'granted');
  const link = `${worker.url}/r/${await rightsToken(WORKER_APP_SECRET, request.id)}`;
  const shown = (await galleryPosts()).find((p) => p.id === POST);
  assert.ok(shown, 'the post starts in the gallery');
  const imageUrl = shown.media[0]!.variants[0]!.url;
  assert.equal((await fetch(imageUrl)).status, 200);
  assert.ok(await storeShows(POST), 'the store shows it on its first page');

  const context = await browser.newContext();
  const author = await context.newPage();
  await author.goto(link);
  await author.getByRole('button', { name: 'Withdraw my consent' }).click();
  // The confirmation is the page the Worker redirects to once the withdrawal is stored: the very
  // next answers must leave the post out, on every path (the edge answer cache included).
  await author.getByText(/You withdrew your consent/).waitFor();
  assert.ok(!(await galleryPosts()).some((p) => p.id === POST), 'gone from the gallery API');
  const imageStatus = (await fetch(imageUrl)).status;
  assert.ok([404, 410].includes(imageStatus), `its image answers ${imageStatus}`);
  assert.ok(!(await storeShows(POST)), 'gone from the store');
  await context.close();
});
