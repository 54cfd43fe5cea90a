/**
 * Journeys 3 and 4 joined: a shopper sees the demo gallery (in view for more than a second),
 * opens a post, adds its product to the cart and orders; the confirmation page reports the
 * purchase. Then an analyst, invited by the owner, signs in, lands on the Reports page and sees
 * the order attributed to that post and that product, with the right revenue.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { eventStored } from './tracking.ts';
import type { GalleryPostsResponse } from '../shared/api-types.ts';
import { DEMO_GALLERY_ID } from '../server/dev/seed/demo-content.ts';
import { signInToPanel } from './panel-steps.ts';
import { useServerAndBrowser } from './server.ts';

const journey = useServerAndBrowser();

const euros = (minor: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(minor / 100);

/** The owner invites an analyst through the API, from a signed-in panel page; answers the invitation link. */
async function inviteAnalyst(owner: Page, email: string): Promise<string> {
  return owner.evaluate(async (email) => {
    const session = (await (await fetch('/admin/auth/session')).json()) as { csrfToken: string };
    const response = await fetch('/admin/invitations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify({ email, role: 'analyst' }),
    });
    return ((await response.json()) as { acceptUrl: string }).acceptUrl;
  }, email);
}

test("a shopper's order shows in the analyst's report, attributed to the post and the product", async () => {
  const { server, browser } = journey;
  const gallery = (await (await fetch(`${server.url}/v1/galleries/${DEMO_GALLERY_ID}/posts`)).json()) as GalleryPostsResponse;
  const post = gallery.posts.find((p) => p.products.some((product) => product.price && product.availability === 'in_stock'))!;
  const product = post.products.find((p) => p.price && p.availability === 'in_stock')!;
  assert.ok(post && product, 'the demo gallery has a post with a product on sale');

  // The shopper.
  const shopper = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const store = await shopper.newPage();
  await store.goto(`${server.url}/`);
  // The store's consent banner: attribution needs a visitor id, which needs the shopper's consent.
  await store.getByRole('button', { name: 'Accept analytics' }).click();
  const tile = store.locator(`vitrine-gallery [data-post-id="${post.id}"] [part~="open"]`);
  await tile.waitFor();
  // The gallery fills the window for more than a second: an impression, stored before the shopper goes on.
  await store.locator('vitrine-gallery').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await eventStored(server, 'view_item_list');
  await tile.click();
  await store.locator('vitrine-gallery dialog[open]').waitFor();
  await store.locator(`vitrine-gallery [part~="products"] [part~="add-to-cart"][aria-label="Add to cart: ${product.title}"]`).click();
  await store.locator('vitrine-gallery [part~="status"]', { hasText: 'added to your cart' }).waitFor();

  await store.goto(`${server.url}/cart.html`);
  assert.equal(await store.locator(`[data-lines] tr[data-sku="${product.sku}"]`).count(), 1);
  await store.getByRole('button', { name: 'Place order' }).click();
  await store.waitForURL(/\/order\.html$/);
  const orderId = await store.locator('[data-order-id]').textContent();
  assert.match(orderId ?? '', /^ML-/);
  await eventStored(server, 'purchase');
  await store.close();

  // The owner invites the analyst, who joins and lands on the reports.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signInToPanel(owner, server);
  const acceptUrl = await inviteAnalyst(owner, 'analyst@maison-lumen.test');
  await ownerContext.close();

  const analystContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const analyst = await analystContext.newPage();
  await analyst.goto(acceptUrl);
  await analyst.getByLabel('Your name').fill('Ana Lyst');
  await analyst.getByLabel(/Choose a password/).fill('analyst-password-1');
  await analyst.getByRole('button', { name: 'Join' }).click();
  await analyst.getByRole('heading', { name: 'Reports' }).waitFor();
  assert.match(analyst.url(), /\/panel\/reports/);

  const revenue = euros(product.price!.amount);
  await analyst.locator('[data-metric="attributed"] .metric-value', { hasText: revenue }).waitFor({ timeout: 15_000 });
  assert.equal(await analyst.locator('[data-metric="orders"] .metric-value').textContent(), '1');
  assert.equal(await analyst.locator('[data-metric="impressions"] .metric-value').textContent(), '1');
  assert.equal(await analyst.locator('[data-metric="add-to-cart"] .metric-value').textContent(), '1');

  const postRow = analyst.locator('.top-post tr', { has: analyst.locator(`[data-id="${post.id}"]`) });
  await postRow.waitFor();
  assert.equal(await postRow.locator('td').nth(1).textContent(), revenue);
  assert.equal(await postRow.locator('td').nth(2).textContent(), '1');

  await analyst.getByRole('button', { name: 'Products', exact: true }).click();
  const productRow = analyst.locator('.top-product tr', { has: analyst.locator(`[data-id="${product.id}"]`) });
  await productRow.waitFor();
  assert.equal(await productRow.locator('td').nth(1).textContent(), revenue);
  assert.match(analyst.url(), /top=product/);
  await analystContext.close();
});
