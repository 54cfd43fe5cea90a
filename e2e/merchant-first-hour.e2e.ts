/**
 * Issue 21's "done when": a merchant's first hour on a real install. From an empty,
 * production-like start (no demo) collecting from the standalone fake Instagram, the merchant
 * follows the getting-started checklist through the panel alone: sets the server up, connects
 * Instagram, saves the handle and hashtag it offers, adds a source, publishes the starting terms,
 * imports a catalog, approves a customer's photo and asks its author for rights, creates a
 * gallery, allows the store's address and pastes the embed code into a store page served from
 * another origin. The author agrees on the rights page, then confirms from their Instagram
 * account with the reply the page shows, which Meta announces to Vitrine's webhook as a mention
 * (webhooks set up as README tells). A shopper visits that page, and the visit shows in Reports;
 * the checklist is then gone.
 *
 * Only Instagram's side is driven directly: a customer posting a photo that tags the brand, and
 * the author's reply.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { startStandaloneFake, type StandaloneFake } from './fake-instagram.ts';
import { fillSetupForm } from './panel-steps.ts';
import { freePort, startServer, type RunningServer } from './server.ts';
import { eventStored } from './tracking.ts';

const CUSTOMER = 'ines.wears';
const CATALOG = 'sku,name,url,price,currency,in_stock\nLAMP-ARC,Arc table lamp,https://atelier-nord.example/lamp,89,EUR,yes\n';

let fake: StandaloneFake;
let server: RunningServer;
let browser: Browser;
let store: { url: string; server: Server; page: string };

before(async () => {
  fake = await startStandaloneFake();
  // As `npm run start:production` starts it (no VITRINE_DEMO), pointed at the fake.
  [server, browser] = await Promise.all([startServer({ VITRINE_DEMO: undefined, VITRINE_IG_GRAPH_URL: fake.url, VITRINE_IG_APP_SECRET: fake.appSecret, VITRINE_COLLECT_EVERY_SECONDS: '1' }), launchChromium()]);
  // The merchant's store: another origin (another loopback port), serving the page the embed code goes in.
  const port = await freePort();
  store = { url: `http://127.0.0.1:${port}`, server: createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(store.page)), page: '' };
  await new Promise<void>((resolve) => store.server.listen(port, '127.0.0.1', resolve));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.stop();
  await new Promise((resolve) => store?.server.close(resolve));
});

/** Back to the inbox, where the checklist is, and on to the step's page through its link. */
async function followChecklist(page: Page, step: string): Promise<void> {
  await page.goto(`${server.url}/panel/`);
  await page.locator('.getting-started').getByRole('link', { name: step }).click();
}

test("a merchant's first hour: from an empty install to a visit of their store's gallery in Reports", async () => {
  assert.doesNotMatch(server.output(), /Demo/, 'a real install: no demo');
  const setupLink = /First run\s+(\S+#setup-token=\S+)/.exec(server.output())?.[1];
  assert.ok(setupLink, `the console shows the setup link:\n${server.output()}`);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  // Setup, through the printed link.
  await page.goto(setupLink);
  await fillSetupForm(page);
  await page.getByRole('button', { name: 'Create the workspace' }).click();
  await page.getByRole('navigation', { name: 'Panel' }).waitFor({ timeout: 30_000 });
  await page.locator('.getting-started h2', { hasText: '9 steps left' }).waitFor();

  // Instagram, then the handle and hashtag it offers from the account.
  await followChecklist(page, 'Connect Instagram');
  await page.getByLabel('Instagram business account id (numeric)').fill(fake.account.igUserId);
  await page.getByLabel('Access token').fill(fake.account.accessToken);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('heading', { name: `@${fake.account.username}` }).waitFor();
  const brand = page.locator('form.brand-from-connection');
  assert.equal(await brand.getByLabel('Instagram handle').inputValue(), fake.account.username);
  await brand.getByRole('button', { name: 'Save the handle and hashtag' }).click();
  await page.getByText(/Saved: authors grant rights by replying #Yes/).waitFor();

  // A source: the photos customers tag the brand in. A customer has just posted one.
  const photo = await fake.publish({ tagsBrand: true, author: CUSTOMER, caption: 'Reading by the new lamp, so cosy' });
  await followChecklist(page, 'Add a source');
  await page.getByLabel('Collect').selectOption({ label: 'Photos the account is tagged in' });
  await page.getByRole('button', { name: 'Add source' }).click();
  await page.getByRole('button', { name: 'Collect now' }).click();
  await page.getByText(/Found \d+ new posts?/).first().waitFor();

  // The usage terms, from the starting text, in one step.
  await followChecklist(page, 'Publish your usage terms');
  await page.getByRole('heading', { name: 'Publish your first terms in English' }).waitFor();
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await page.locator('.terms[data-language="en"] .terms-version[data-version="1"]').waitFor();

  // The catalog, from a CSV file: previewed, then applied.
  await followChecklist(page, 'Add your products');
  await page.getByLabel('Name', { exact: true }).fill('Main catalog');
  await page.getByLabel('Feed file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(CATALOG) });
  await page.getByRole('button', { name: 'Add and preview' }).click();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await page.getByRole('cell', { name: 'Arc table lamp' }).first().waitFor();

  // The customer's photo in the inbox: its author asked for rights, then approved.
  await page.goto(`${server.url}/panel/`);
  await page.locator('.post-row', { hasText: `@${CUSTOMER}` }).click();
  const preview = page.getByRole('complementary', { name: 'Preview' });
  await preview.getByText(`@${CUSTOMER}`).first().waitFor();
  // Stored from the fake's CDN (its loopback address is the one let through).
  await preview.locator('.preview-media img').waitFor();
  await preview.getByRole('button', { name: /^Request rights/ }).click();
  const dialog = page.getByRole('dialog');
  assert.equal(await dialog.locator('.missing-prerequisites').count(), 0, 'nothing is missing before asking');
  await dialog.getByRole('button', { name: 'Request rights' }).click();
  const message = await dialog.getByLabel('Message (en)').inputValue();
  const rightsLink = /https?:\/\/\S+/.exec(message)?.[0];
  assert.ok(rightsLink, `the message links the rights page:\n${message}`);
  await dialog.getByRole('button', { name: /^Done/ }).click();
  await preview.getByRole('button', { name: /^Approve/ }).click();
  await page.locator('.post-row', { hasText: `@${CUSTOMER}` }).waitFor({ state: 'detached' });

  // The author, in a browser of their own, agrees.
  const authorContext = await browser.newContext();
  const author = await authorContext.newPage();
  await author.goto(rightsLink);
  await author.getByLabel('Your Instagram username').fill(CUSTOMER);
  await author.getByLabel(/I agree to the terms above/).check();
  await author.getByRole('button', { name: 'I agree' }).click();
  // The handle typed on the page proves nothing: the author replies from their own account with
  // the code shown, under their photo, and Meta tells Vitrine that the comment mentions the brand.
  await author.getByText('Confirm from your Instagram account').waitFor();
  const reply = (await author.locator('.terms strong').textContent())!;
  const comment = await fake.comment({ mediaId: photo.id, text: reply, fromUsername: CUSTOMER });
  await fake.notifyMention(`${server.url}/hooks/instagram`, photo.id, comment.id);
  await author.reload();
  await author.getByText('Thank you! You agreed to these terms.').waitFor();
  await authorContext.close();

  // A gallery, and its embed code.
  await followChecklist(page, 'Create a gallery');
  await page.getByRole('button', { name: 'New gallery' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Home page');
  await page.getByRole('button', { name: 'Create gallery' }).click();
  const embedCode = await page.getByLabel('Paste this where the gallery should appear').inputValue();
  assert.match(embedCode, /<vitrine-gallery gallery="[^"]+"><div slot="reserve"><\/div><\/vitrine-gallery>/);

  // The store's address, allowed.
  await followChecklist(page, "Allow your store's address");
  await page.getByLabel(/Allowed site origins/).fill(store.url);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Settings saved.').first().waitFor({ state: 'attached' });

  // The embed code, pasted into the store's page; a shopper visits it.
  store.page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Atelier Nord</title></head><body><h1>Atelier Nord</h1>${embedCode}</body></html>`;
  const shopperContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const shopper = await shopperContext.newPage();
  await shopper.goto(`${store.url}/`);
  const tile = shopper.locator('vitrine-gallery [part~="tile"]');
  await tile.first().waitFor({ timeout: 15_000 });
  assert.equal(await tile.count(), 1, 'the one approved, rights-cleared post');
  // In view for more than a second: an impression, which the tracker sends within 5 s.
  await shopper.locator('vitrine-gallery').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await eventStored(server, 'view_item_list');
  await shopperContext.close();

  // The visit, in Reports.
  await page.goto(`${server.url}/panel/reports`);
  await page.locator('[data-metric="impressions"] .metric-value', { hasText: /^1$/ }).waitFor({ timeout: 15_000 });
  // The store's page has no consent banner: the impression counts, no visitor is stored or counted.
  assert.equal(await page.locator('[data-metric="impressions"] .metric-detail').textContent(), '0 visitors with consent');

  // Every step done: the checklist is gone, only the warning about the loopback address stays.
  await page.goto(`${server.url}/panel/`);
  await page.locator('.public-address').waitFor();
  assert.equal(await page.locator('.getting-started').count(), 0);
  await context.close();
});
