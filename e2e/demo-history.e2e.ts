/**
 * A newcomer's first look (issue 16, part 7): `npm start` on an empty data folder seeds a 90-day
 * tracking history with the demo, so the owner who signs in finds Reports with visits, orders
 * and revenue spread over the days, not a page of zeros, and the gallery's captions are those of
 * real customers (the hostile ones live in e2e/xss-corpus.e2e.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInToPanel } from './panel-steps.ts';
import { useServerAndBrowser } from './server.ts';

// Unset: the server's default history, as `npm start` makes it.
const journey = useServerAndBrowser({ VITRINE_DEMO_HISTORY_EVENTS: undefined });

const count = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

test('the demo opens on Reports that show three months of a store, and captions without markup', async () => {
  const { server, browser } = journey;
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await signInToPanel(page, server);
  await page.goto(`${server.url}/panel/reports`);
  await page.getByRole('heading', { name: 'Reports' }).waitFor();
  const value = (metric: string) => page.locator(`[data-metric="${metric}"] .metric-value`);
  await value('impressions').filter({ hasText: /[1-9]/ }).waitFor({ timeout: 15_000 });
  assert.ok(count(await value('impressions').textContent()) >= 100, 'impressions over the range');
  assert.ok(count(await value('orders').textContent()) >= 1, 'orders over the range');
  // Revenue attributed to posts: the top posts list has rows.
  assert.ok((await page.locator('.top-post tr[data-id], .top-post tr:has([data-id])').count()) >= 3, 'several posts earn revenue');

  const posts = (await (await fetch(`${server.url}/v1/galleries/demo/posts?limit=100`)).json()) as { posts: { caption: string | null }[] };
  for (const post of posts.posts) assert.doesNotMatch(post.caption ?? '', /[<>]/, 'a demo caption carries markup');
  await context.close();
});
