/**
 * Journey 1 (merchandiser), moderation slice: sign in to the panel with the demo account,
 * approve the pending post with the keyboard, and see it appear in the demo store's gallery
 * (its author granted rights in the seed); reject it, and see it disappear.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { searchInbox, signInToPanel } from './panel-steps.ts';
import { useServerAndBrowser } from './server.ts';

const POST = 'post_pending';

const journey = useServerAndBrowser();

/**
 * Every post the demo store's gallery shows, after loading all its pages. Each visit uses a
 * fresh browser context: the gallery API lets browsers cache an answer for a few seconds, and
 * a shopper arriving after the change is the case that matters here.
 */
async function storePostIds(): Promise<string[]> {
  const context = await journey.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${journey.server.url}/`);
    const tiles = page.locator('vitrine-gallery [data-post-id]');
    await tiles.first().waitFor({ timeout: 15_000 });
    const more = page.locator('vitrine-gallery').getByRole('button', { name: /load more/i });
    while (await more.isVisible()) {
      const shown = await tiles.count();
      await more.click();
      await page.waitForFunction((n) => document.querySelector('vitrine-gallery')!.shadowRoot!.querySelectorAll('[data-post-id]').length > n, shown);
    }
    return await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id') ?? ''));
  } finally {
    await context.close();
  }
}

const currentRow = (page: Page) => page.locator('[role="option"][aria-current="true"]');

test('approve with the keyboard, see it in the store; reject it, see it go', async () => {
  assert.ok(!(await storePostIds()).includes(POST), 'the pending post starts out of the store');

  const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInToPanel(page, journey.server);

  // The inbox opens on the pending posts, the cursor on the first, the list focused. Posts the
  // demo has collected from its fake Instagram come first (newest); j moves down to ours.
  await currentRow(page).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'listbox');
  for (let step = 0; (await currentRow(page).getAttribute('data-post-id')) !== POST; step++) {
    assert.ok(step < 100, `${POST} not found in the pending list`);
    await page.keyboard.press('j');
  }
  await page.keyboard.press('a');
  await page.getByRole('status').filter({ hasText: 'Approved 1 post.' }).waitFor();
  await page.locator(`[data-post-id="${POST}"]`).waitFor({ state: 'detached' });

  assert.ok((await storePostIds()).includes(POST), 'the approved post shows in the store');

  await page.getByRole('button', { name: /^Approved/ }).click();
  await searchInbox(page, 'ben.rooms');
  await page.locator(`[role="option"][aria-current="true"][data-post-id="${POST}"]`).waitFor();
  await page.locator('[role="listbox"]').focus();
  await page.keyboard.press('r');
  await page.getByRole('status').filter({ hasText: 'Rejected 1 post.' }).waitFor();

  assert.ok(!(await storePostIds()).includes(POST), 'the rejected post left the store');
  assert.deepEqual(errors, []);
  await page.close();
});
