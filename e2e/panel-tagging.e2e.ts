/**
 * Journey 1 (merchandiser), tagging slice, and journey 3 (shopper) on a product page: sign in to
 * the panel, open a public post's details, click the picture where the candle is and pick the
 * candle; the candle's page in the demo store then shows the post, and its lightbox shows the
 * hotspot where it was dropped.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { GalleryPostsResponse } from '../shared/api-types.ts';
import { DEMO_GALLERY_ID, DEMO_POSTS } from '../server/dev/seed/demo-content.ts';
import { searchInbox, signInToPanel } from './panel-steps.ts';
import { useServerAndBrowser } from './server.ts';

/** Approved, rights granted, and not tagged with the candle in the seed. */
const POST = 'post_demo01';
const SKU = 'LUM-CNDL-06';
const TITLE = 'Fig Leaf Candle';
/** Where the candle is dropped, as fractions of the picture. */
const AT = { x: 0.62, y: 0.35 };

const journey = useServerAndBrowser();

async function candlePosts(): Promise<GalleryPostsResponse> {
  const response = await fetch(`${journey.server.url}/v1/galleries/${DEMO_GALLERY_ID}/posts?product=${SKU}&limit=100`);
  assert.equal(response.status, 200);
  return (await response.json()) as GalleryPostsResponse;
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const near = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 0.02, `${what}: ${actual}, expected about ${expected}`);

test('tag a product on a post in the panel; its product page shows the post and the hotspot', async () => {
  const author = DEMO_POSTS.find((p) => p.id === POST)!.author;
  assert.ok(!(await candlePosts()).posts.some((p) => p.id === POST), 'the post starts without the candle');

  const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await signInToPanel(page, journey.server);

  // The approved posts by the post's author; the cursor goes down to it, Enter opens its details.
  await page.getByRole('button', { name: /^Approved/ }).click();
  await searchInbox(page, author);
  const current = page.locator('[role="option"][aria-current="true"]');
  await current.waitFor();
  await page.locator('[role="listbox"]').focus();
  for (let step = 0; (await current.getAttribute('data-post-id')) !== POST; step++) {
    assert.ok(step < 20, `${POST} not found among ${author}'s approved posts`);
    await page.keyboard.press('j');
  }
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: 'Post details' });
  const picture = details.locator('.tag-stage');
  await picture.locator('img').waitFor();

  // Click where the candle is, then pick it in the search that opens.
  const box = (await picture.boundingBox())!;
  await page.mouse.click(box.x + AT.x * box.width, box.y + AT.y * box.height);
  const search = details.getByRole('combobox', { name: 'Product: title or SKU' });
  await search.fill('fig leaf');
  await details.getByRole('option', { name: new RegExp(TITLE) }).click();
  await page.getByRole('status').filter({ hasText: `Tagged ${TITLE}` }).waitFor();
  const hotspot = picture.getByRole('button', { name: new RegExp(`^${TITLE}, at`) });
  await hotspot.waitFor();
  assert.equal(await hotspot.getAttribute('aria-disabled'), null, 'the tag is saved');
  assert.match((await details.locator('.tag-list').textContent()) ?? '', new RegExp(SKU));
  assert.deepEqual(errors, []);
  await page.close();

  // The public API now lists the post for the candle, with the hotspot where it was dropped.
  const tagged = (await candlePosts()).posts.find((p) => p.id === POST);
  assert.ok(tagged, 'the candle filter finds the post');
  const candle = tagged.products.find((p) => p.sku === SKU)!;
  const spot = tagged.hotspots.find((h) => h.productId === candle.id)!;
  near(spot.x, AT.x, 'x');
  near(spot.y, AT.y, 'y');

  // A shopper on the candle's page (a fresh context: nothing cached from before the change).
  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const store = await context.newPage();
  const storeErrors = collectErrors(store);
  await store.goto(`${journey.server.url}/products/${SKU}`);
  assert.equal(await store.locator('h1').textContent(), TITLE);
  const tile = store.locator(`vitrine-gallery [data-post-id="${POST}"]`);
  await tile.waitFor({ timeout: 15_000 });
  await tile.locator('[part~="open"]').click();
  const lightbox = store.getByRole('dialog', { name: `Photo by @${author}` });
  await lightbox.waitFor();
  const dot = lightbox.locator(`[part~="hotspot"][data-product-id="${candle.id}"]`);
  await dot.waitFor();
  near(Number(await dot.getAttribute('data-x')), AT.x, 'the lightbox hotspot x');
  near(Number(await dot.getAttribute('data-y')), AT.y, 'the lightbox hotspot y');
  // It sits on the picture where the merchandiser clicked.
  const media = (await lightbox.locator('.frame [part~="media"]').first().boundingBox())!;
  const dotBox = (await dot.boundingBox())!;
  near((dotBox.x + dotBox.width / 2 - media.x) / media.width, AT.x, 'the dot across the picture');
  near((dotBox.y + dotBox.height / 2 - media.y) / media.height, AT.y, 'the dot down the picture');
  await dot.click();
  await lightbox.locator('[part~="hotspot-card"]').filter({ hasText: TITLE }).waitFor();
  assert.deepEqual(storeErrors, []);
  await context.close();
});
