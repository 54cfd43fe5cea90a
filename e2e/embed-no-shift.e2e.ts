/**
 * Zero layout shift by construction (issue 16, part 1): the embed code the panel gives, pasted
 * into a store page on another origin, reserves exactly the room the gallery takes, at a desktop
 * and a phone width, on a plain page and on one whose global CSS a theme made aggressive. The
 * page's Cumulative Layout Shift is read by Chromium's own Layout Instability API. The same
 * element without its reserved room shifts the page, so the measure can see a shift.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { AdminGallery } from '../shared/admin-types.ts';
import { signInToPanel } from './panel-steps.ts';
import { freePort, useServerAndBrowser } from './server.ts';

const journey = useServerAndBrowser();

/** A theme's heavy hand on everything it can reach: the element and anything pasted inside it. */
const HOSTILE_CSS = `
  * { margin: 7px; padding: 3px; line-height: 2.3; letter-spacing: .04em; box-sizing: content-box }
  body { font-size: 17px }
  div { display: inline-block; min-height: 40px; font-size: 19px; height: 12px }
  vitrine-gallery { margin: 24px 0; font-size: 15px }`;

const page = (body: string, css = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Store</title><style>${css}</style></head>
<body><h1>Maison Lumen</h1><p>Our customers, at home with our lamps.</p>${body}<p id="below">Free delivery from €50. Returns within 30 days.</p><footer>© Maison Lumen</footer></body></html>`;

let store: { url: string; server: Server; pages: Map<string, string> };
before(async () => {
  const port = await freePort();
  const pages = new Map<string, string>();
  store = {
    url: `http://127.0.0.1:${port}`,
    pages,
    server: createServer((request, response) => {
      if (request.url === '/favicon.ico') return void response.writeHead(204).end();
      const body = pages.get(request.url ?? '');
      response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
    }),
  };
  await new Promise<void>((resolve) => store.server.listen(port, '127.0.0.1', resolve));
});
after(() => new Promise((resolve) => store?.server.close(resolve)));

/** Makes a gallery through the panel's API and answers it, with its embed code. */
async function makeGallery(panel: Page, input: { name: string; layout: string; pageSize: number }): Promise<AdminGallery> {
  return panel.evaluate(async (input) => {
    const session = (await (await fetch('/admin/auth/session')).json()) as { csrfToken: string };
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken };
    const made = await fetch('/admin/galleries', { method: 'POST', headers, body: JSON.stringify({ ...input, sort: 'newest' }) });
    if (!made.ok) throw new Error(`gallery: ${made.status} ${await made.text()}`);
    return (await made.json()) as AdminGallery;
  }, input);
}

async function allowOrigin(panel: Page, origin: string): Promise<void> {
  const status = await panel.evaluate(async (origin) => {
    const session = (await (await fetch('/admin/auth/session')).json()) as { csrfToken: string };
    return (await fetch('/admin/workspace/allowed-origins', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken }, body: JSON.stringify({ origin }) })).status;
  }, origin);
  assert.equal(status, 200);
}

/**
 * Opens the page at a width, waits until the gallery shows its photos, and answers the page's CLS
 * and how much taller the reserved room is than the gallery (0: the room was exact, no blank).
 */
async function layoutShift(browser: Browser, url: string, width: number): Promise<{ cls: number; spare: number }> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, deviceScaleFactor: 1 });
  await context.addInitScript(() => {
    const seen = { cls: 0 };
    (window as unknown as { __shift: typeof seen }).__shift = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) seen.cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(url);
  // The photos in view (the others load lazily, as the shopper scrolls).
  await tab.waitForFunction(() => {
    const images = [...(document.querySelector('vitrine-gallery')?.shadowRoot?.querySelectorAll('img') ?? [])];
    const inView = images.filter((img) => img.getBoundingClientRect().top < innerHeight && img.getBoundingClientRect().left < innerWidth);
    return inView.length > 0 && inView.every((img) => img.complete && img.naturalWidth > 0);
  }, undefined, { timeout: 20_000 });
  // Two frames after the last image: any shift it caused has been reported.
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const cls = await tab.evaluate(() => (window as unknown as { __shift: { cls: number } }).__shift.cls);
  const spare = await tab.evaluate(() => {
    const element = document.querySelector('vitrine-gallery')!;
    const reserve = element.querySelector('[slot=reserve]')?.getBoundingClientRect().height ?? 0;
    return reserve - element.shadowRoot!.querySelector('.body')!.getBoundingClientRect().height;
  });
  assert.deepEqual(errors, [], `console errors on ${url} at ${width}px`);
  await context.close();
  return { cls, spare };
}

test('the embed code reserves the room its gallery takes: CLS 0.000 and no blank, on plain and hostile pages, from 1280 to 390 px wide; on a French page it speaks French', async () => {
  const { server, browser } = journey;
  const context = await browser.newContext();
  const panel = await context.newPage();
  await signInToPanel(panel, server);
  await allowOrigin(panel, store.url);
  const galleries = [await makeGallery(panel, { name: 'Home page strip', layout: 'grid', pageSize: 4 }), await makeGallery(panel, { name: 'Home carousel', layout: 'carousel', pageSize: 8 })];
  await context.close();

  for (const gallery of galleries) {
    assert.match(gallery.embedCode, /slot="reserve"/);
    store.pages.set(`/${gallery.id}/plain`, page(gallery.embedCode));
    store.pages.set(`/${gallery.id}/hostile`, page(gallery.embedCode, HOSTILE_CSS));
    for (const kind of ['plain', 'hostile']) {
      // 600 px: three columns, the middle step (on the plain page only, to keep the run short).
      for (const width of kind === 'plain' ? [1280, 600, 390] : [1280, 390]) {
        const where = `${gallery.layout} gallery on the ${kind} page at ${width}px`;
        const { cls, spare } = await layoutShift(browser, `${store.url}/${gallery.id}/${kind}`, width).catch((error: Error) => {
          throw new Error(`${where}: ${error.message}`);
        });
        assert.equal(cls.toFixed(3), '0.000', `${where}: CLS ${cls}`);
        // Exactly the room: no blank left under a full page of posts.
        assert.ok(Math.abs(spare) < 1, `${where}: the reserved room is ${spare}px taller than the gallery`);
      }
    }
  }

  // The same code on a French store page: the gallery and its lightbox speak French.
  const [strip] = galleries;
  store.pages.set('/fr', page(strip!.embedCode).replace('<html lang="en">', '<html lang="fr">'));
  const french = await browser.newPage();
  await french.goto(`${store.url}/fr`);
  const loadMore = french.locator('vitrine-gallery').getByRole('button', { name: 'Voir plus' });
  await loadMore.waitFor();
  await french.locator('vitrine-gallery [part~="open"]').first().click();
  await french.locator('vitrine-gallery dialog[open]').getByRole('button', { name: 'Fermer' }).waitFor();
  await french.close();

  // The measure sees shifts: the same gallery pasted without its reserved room moves the page.
  const [grid] = galleries;
  const bare = grid!.embedCode.replace(/<div slot="reserve"><\/div>/, '').replace(/<style>[\s\S]*<\/style>/, '');
  store.pages.set('/bare', page(bare));
  const bareShift = (await layoutShift(browser, `${store.url}/bare`, 1280)).cls;
  assert.ok(bareShift > 0.001, `the bare element shifts the page below it (CLS ${bareShift})`);
});
