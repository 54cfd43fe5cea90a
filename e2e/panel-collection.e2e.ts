/**
 * Journey 1 (merchandiser), collection slice, on the real Node server whose demo workspace
 * collects from the in-process fake Instagram: the account shows as connected (its token never
 * shown), the sources page shows the hashtag quota before a hashtag is added, a new hashtag
 * source collects on "Collect now" and the quota counts it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { signInToPanel } from './panel-steps.ts';
import { useServerAndBrowser } from './server.ts';

const journey = useServerAndBrowser();

const signIn = (page: Page) => signInToPanel(page, journey.server);

const quotaUsed = async (page: Page) => Number(await page.locator('.quota').first().getAttribute('data-quota-used'));

test('see the connected account, add a hashtag source within the quota, collect now', async () => {
  const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page);

  await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Instagram' }).click();
  const account = page.locator('.connection').first();
  await account.waitFor();
  assert.match((await account.textContent()) ?? '', /Connected/);
  assert.equal(await page.locator('input[name=accessToken]').first().getAttribute('type'), 'password');

  await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Sources' }).click();
  await page.locator('.sources').waitFor();
  await page.waitForFunction(() => /\d+ of 30/.test(document.querySelector('.quota-hint')?.textContent ?? ''));
  const before = await quotaUsed(page);
  assert.match((await page.locator('.quota-hint').textContent()) ?? '', new RegExp(`${before} of 30 hashtags used this week`));

  await page.getByLabel('Hashtag', { exact: true }).fill('#e2ecollection');
  await page.getByRole('button', { name: 'Add source' }).click();
  const row = page.locator('.sources tbody tr', { hasText: '#e2ecollection' });
  await row.waitFor();
  await row.getByRole('button', { name: 'Collect now' }).click();
  await row.locator('.run-result').waitFor();
  assert.match((await row.locator('.run-result').textContent()) ?? '', /^Found \d+ new posts?/);
  await page.waitForFunction((n) => Number(document.querySelector('.quota')?.getAttribute('data-quota-used')) === n + 1, before);
  assert.deepEqual(errors, []);
  await page.close();
});
