/**
 * Journey 3 (shopper), first slice: the demo store embeds the gallery with one script tag and
 * shows the seeded public posts, with real images, and none that lack live rights.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { DEMO_PUBLIC_POST_IDS } from '../server/dev/seed/demo-content.ts';
import { useServerAndBrowser } from './server.ts';

const journey = useServerAndBrowser();

test('the demo store shows the public posts, and only them', async () => {
  const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${journey.server.url}/`);

  const tiles = page.locator('vitrine-gallery [data-post-id]');
  await tiles.first().waitFor({ timeout: 15_000 });
  // The first page holds the gallery's page size (12); "load more" brings the rest.
  const firstPage = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')));
  assert.deepEqual(firstPage, DEMO_PUBLIC_POST_IDS.slice(0, firstPage.length));
  assert.ok(firstPage.length >= 6, `expected a full first page, got ${firstPage.length}`);

  const more = page.locator('vitrine-gallery').getByRole('button', { name: /load more/i });
  while (await more.isVisible()) {
    const before = await tiles.count();
    await more.click();
    await page.waitForFunction(
      (n) => document.querySelector('vitrine-gallery')!.shadowRoot!.querySelectorAll('[data-post-id]').length > n,
      before,
    );
  }
  const all = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')));
  assert.deepEqual(all, DEMO_PUBLIC_POST_IDS);
  for (const hidden of ['post_norights', 'post_withdrawn', 'post_pending', 'post_expired', 'post_deleted']) {
    assert.ok(!all.includes(hidden), `${hidden} must not be shown`);
  }

  // Real, re-hosted images: decoded with real pixels, served by Vitrine, never by Instagram.
  const images = page.locator('vitrine-gallery img');
  await page.waitForFunction(() =>
    [...document.querySelector('vitrine-gallery')!.shadowRoot!.querySelectorAll('img')].slice(0, 4).every((i) => i.complete && i.naturalWidth > 0),
  );
  const first = await images.first().evaluate((img: HTMLImageElement) => ({ src: img.currentSrc, width: img.naturalWidth }));
  assert.match(first.src, new RegExp(`^${journey.server.url}/media/`));
  // naturalWidth of a srcset image is density-corrected (it matches the slot), so only > 0 is certain.
  assert.ok(first.width > 0, 'the image decoded');

  // Hostile captions are e2e/xss-corpus.e2e.ts's: the demo a newcomer sees carries none.
  assert.deepEqual(errors, []);
  await page.close();
});

test('the loader and health endpoints answer as documented', async () => {
  const loader = await fetch(`${journey.server.url}/embed.js`);
  assert.equal(loader.status, 200);
  assert.match(loader.headers.get('content-type') ?? '', /javascript/);
  assert.match(loader.headers.get('cache-control') ?? '', /max-age=300/);
  const health = await fetch(`${journey.server.url}/healthz`);
  assert.equal(((await health.json()) as { status: string }).status, 'ok');
  const panel = await fetch(`${journey.server.url}/panel/`);
  assert.equal(panel.status, 200);
});

test('a store on another origin embeds the gallery with the one script tag', async () => {
  // The usual merchant case: the page comes from the store's origin, embed.js from Vitrine's.
  const store = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Another store</title>
<script>window.vitrine = window.vitrine || function(){(vitrine.q=vitrine.q||[]).push(arguments)}</script>
<script async src="${journey.server.url}/embed.js"></script>
<script async src="${journey.server.url}/embed.js"></script>
<vitrine-gallery gallery="demo" limit="4"></vitrine-gallery>`);
  });
  await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', resolve));
  const { port } = store.address() as AddressInfo;
  const page = await journey.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    // localhost and 127.0.0.1 are different origins to the browser.
    await page.goto(`http://localhost:${port}/`);
    const tiles = page.locator('vitrine-gallery [data-post-id]');
    await tiles.first().waitFor({ timeout: 15_000 });
    assert.deepEqual(await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id'))), DEMO_PUBLIC_POST_IDS.slice(0, 4));
    assert.equal(await page.evaluate(() => document.querySelectorAll('vitrine-gallery').length), 1);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    store.close();
  }
});
