/**
 * Journey 1 (merchandiser), rights slice, with the author in a browser of their own: from the
 * inbox, ask for a post's rights with the keyboard, send the assisted message by hand and mark
 * it sent; the author grants on the signed page; the panel shows the grant with its evidence,
 * which downloads as JSON.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { searchInbox, signInToPanel } from './panel-steps.ts';
import { useServerAndBrowser } from './server.ts';

/** Its author withdrew once; asking again is allowed, and nothing else in the journey uses it. */
const POST = 'post_withdrawn';
const AUTHOR = 'sofia.v';
const SHOTS = process.env.VITRINE_E2E_SCREENSHOTS;

const journey = useServerAndBrowser();

test('request with q, mark as sent, the author grants, the panel shows it and exports the evidence', async () => {
  const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInToPanel(page, journey.server);

  await page.getByRole('button', { name: /^Approved/ }).click();
  await searchInbox(page, AUTHOR);
  await page.locator(`[role="option"][aria-current="true"][data-post-id="${POST}"]`).waitFor();
  await page.locator('.preview .rights-status[data-rights="withdrawn"]').waitFor();
  await page.locator('[role="listbox"]').focus();
  await page.keyboard.press('q');
  await page.getByRole('dialog', { name: 'Request rights' }).waitFor();
  await page.keyboard.press('Enter');

  const message = page.locator('.request-made textarea');
  await message.waitFor();
  const text = await message.inputValue();
  const link = /https?:\/\/\S+\/r\/\S+/.exec(text)?.[0];
  assert.ok(link, `the message carries the signed link: ${text}`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/rights-assisted.png` });
  await page.locator('.request-made').getByRole('button', { name: 'Mark as sent' }).click();
  await page.locator('.request-made').getByText('Sent by hand').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.preview .rights-status[data-rights="requested"]').waitFor();

  // The author reads the terms and agrees, in a browser of their own.
  const authorContext = await journey.browser.newContext();
  const author = await authorContext.newPage();
  await author.goto(link);
  await author.getByLabel('Your Instagram username').fill(AUTHOR);
  await author.getByLabel(/I agree to the terms above/).check();
  await author.getByRole('button', { name: 'I agree' }).click();
  // Recorded as agreed on the page; the page now asks for the reply from the author's account.
  await author.getByText('Confirm from your Instagram account').waitFor();
  await authorContext.close();

  // A fresh look at the inbox shows the grant, and the details its evidence.
  await page.reload();
  await page.getByRole('button', { name: /^Approved/ }).click();
  await searchInbox(page, AUTHOR);
  await page.locator(`[role="option"][aria-current="true"][data-post-id="${POST}"]`).waitFor();
  await page.locator('.preview .rights-status[data-rights="granted"]').waitFor();
  await page.locator('[role="listbox"]').focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: 'Post details' });
  // Newest first: the new grant (on the page), the withdrawal, the first grant (verified from the account, agreed on the page).
  await details.locator('.rights-history li').filter({ hasText: 'Granted through the rights page' }).first().waitFor();
  assert.deepEqual(
    (await details.locator('.rights-history ol').last().locator('li > strong').allTextContents()),
    ['Granted', 'Withdrawn', 'Granted', 'Granted'],
  );
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/rights-details.png` });
  const [download] = await Promise.all([page.waitForEvent('download'), details.getByRole('button', { name: 'Download consent evidence (JSON)' }).click()]);
  assert.equal(download.suggestedFilename(), `consent-${POST}.json`);
  const evidence = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { records: { kind: string }[] };
  assert.deepEqual(
    evidence.records.map((r) => r.kind),
    ['granted', 'granted', 'withdrawn', 'granted'],
  );
  assert.deepEqual(errors, []);
  await page.close();
});
