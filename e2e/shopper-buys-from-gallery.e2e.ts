/**
 * Journey 3 (shopper), buying slice: a product page shows only the customers' photos of that
 * product; opening a post shows its products, and "Add to cart" puts one in the demo store's
 * cart. The widget also works on a store with a strict Content-Security-Policy and Trusted
 * Types, leaks no global but `vitrine`, and without a store handler opens the product page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { GalleryPostsResponse } from '../shared/api-types.ts';
import { DEMO_GALLERY_ID, DEMO_PUBLIC_POST_IDS } from '../server/dev/seed/demo-content.ts';
import { useServerAndBrowser } from './server.ts';

const journey = useServerAndBrowser();

const SKU = 'LUM-VASE-02';

async function api(path: string): Promise<GalleryPostsResponse> {
  const response = await fetch(`${journey.server.url}${path}`);
  assert.equal(response.status, 200, path);
  return (await response.json()) as GalleryPostsResponse;
}

/** Post ids the gallery shows, after every page it can load. */
async function shownPostIds(page: Page): Promise<string[]> {
  const tiles = page.locator('vitrine-gallery [part~="tile"]');
  await tiles.first().waitFor({ timeout: 15_000 });
  return tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id') ?? ''));
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test("the demo product page shows only that product's posts", async () => {
  const everything = await api(`/v1/galleries/${DEMO_GALLERY_ID}/posts?limit=100`);
  const showing = everything.posts.filter((post) => post.products.some((p) => p.sku === SKU)).map((post) => post.id);
  assert.ok(showing.length > 0 && showing.length < everything.posts.length, 'the demo tags the product on some posts, not all');

  const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(`${journey.server.url}/products/${SKU}`);
  assert.equal(await page.locator('h1').textContent(), 'Ripple Stoneware Vase');
  const gallery = page.locator('vitrine-gallery');
  assert.equal(await gallery.getAttribute('product'), SKU);
  assert.equal(await gallery.getAttribute('layout'), 'carousel');
  await page.locator('vitrine-gallery [part~="carousel"]').waitFor();

  const shown = await shownPostIds(page);
  const firstPage = showing.slice(0, shown.length);
  assert.deepEqual(shown, firstPage);
  for (const id of DEMO_PUBLIC_POST_IDS.filter((id) => !showing.includes(id))) assert.ok(!shown.includes(id), `${id} does not show ${SKU}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('opening a post and clicking "Add to cart" puts the product in the demo cart', async () => {
  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${journey.server.url}/`);
  const first = DEMO_PUBLIC_POST_IDS[0]!;
  const post = (await api(`/v1/galleries/${DEMO_GALLERY_ID}/posts?limit=100`)).posts.find((p) => p.id === first)!;
  const product = post.products[0]!;

  await page.locator(`vitrine-gallery [data-post-id="${first}"] [part~="open"]`).click();
  const dialog = page.getByRole('dialog', { name: `Photo by @${post.author.username}` });
  await dialog.waitFor();
  assert.equal(new URL(page.url()).hash, `#vitrine=${first}`);
  // The tagged product's hotspot opens its card, which floating-ui keeps on screen.
  await dialog.locator(`[part~="hotspot"][data-product-id="${post.hotspots[0]!.productId}"]`).click();
  const card = dialog.locator('[part~="hotspot-card"]');
  await card.waitFor();
  const box = (await card.boundingBox())!;
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 900, `card on screen: ${JSON.stringify(box)}`);

  await dialog.locator('[part~="products"]').getByRole('button', { name: `Add to cart: ${product.title}` }).click();
  await dialog.getByRole('status').filter({ hasText: `${product.title} was added to your cart.` }).waitFor();
  const cart = await page.evaluate(() => JSON.parse(localStorage.getItem('maison-lumen-cart') ?? '[]') as { sku: string; quantity: number }[]);
  assert.deepEqual(cart.map(({ sku, quantity }) => ({ sku, quantity })), [{ sku: product.sku, quantity: 1 }]);

  // Esc closes the product card, then the lightbox.
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).hash, '');
  assert.equal(await page.locator('[data-cart-count]').textContent(), '1');
  await page.goto(`${journey.server.url}/cart.html`);
  await page.locator(`tr[data-sku="${product.sku}"]`).waitFor();
  assert.match((await page.locator(`tr[data-sku="${product.sku}"]`).textContent()) ?? '', new RegExp(product.title));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared #vitrine=POST_ID link reopens the post', async () => {
  const page = await journey.browser.newPage();
  const target = DEMO_PUBLIC_POST_IDS[2]!;
  await page.goto(`${journey.server.url}/#vitrine=${target}`);
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ timeout: 15_000 });
  const post = (await api(`/v1/galleries/${DEMO_GALLERY_ID}/posts?limit=100`)).posts.find((p) => p.id === target)!;
  assert.equal(await dialog.locator('#lightbox-title').textContent(), `Photo by @${post.author.username}`);
  await page.close();
});

test('under a strict CSP and Trusted Types it works, leaks only `vitrine`, and "Add to cart" opens the product page', async () => {
  const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  const storeUrl = `${journey.server.url}/strict-store.html`;
  await page.route(storeUrl, (route) =>
    route.fulfill({
      status: 200,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': [
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self'",
          "media-src 'self'",
          "connect-src 'self'",
          "require-trusted-types-for 'script'",
          'trusted-types lit-html',
        ].join('; '),
      },
      body: `<!doctype html><html lang="en"><title>A strict store</title>
<script async src="/embed.js"></script>
<main><h1>A strict store</h1><vitrine-gallery gallery="demo" limit="4"></vitrine-gallery></main>`,
    }),
  );
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[]; __globals: string[] };
    w.__violations = [];
    w.__globals = Object.keys(window);
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(storeUrl);
  const first = DEMO_PUBLIC_POST_IDS[0]!;
  await page.locator(`vitrine-gallery [data-post-id="${first}"] [part~="open"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.locator('[part~="hotspot"]').first().click();
  await dialog.locator('[part~="hotspot-card"]').waitFor();

  const { violations, added } = await page.evaluate(() => {
    const w = window as unknown as { __violations: string[]; __globals: string[] };
    const before = new Set([...w.__globals, '__violations', '__globals']);
    return { violations: w.__violations, added: Object.keys(window).filter((key) => !before.has(key)) };
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(added, ['vitrine']);

  // No store handler and no cart adapter: "Add to cart" takes the shopper to the product page.
  const product = (await api(`/v1/galleries/${DEMO_GALLERY_ID}/posts?limit=100`)).posts.find((p) => p.id === first)!.products[0]!;
  await Promise.all([
    page.waitForURL(`${journey.server.url}${product.link}`),
    dialog.locator('[part~="products"]').getByRole('button', { name: `Add to cart: ${product.title}` }).click(),
  ]);
  assert.deepEqual(errors, []);
  await page.close();
});
