/**
 * The randomized holdout, end to end: with a holdout share set in Settings, a visitor the
 * shared rule puts in the holdout sees no gallery at all (the element takes no room, no post is
 * fetched) and is counted as a holdout visitor; a visitor outside it sees the gallery as usual.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { eventStored } from './tracking.ts';
import { isHoldout } from '../shared/holdout.ts';
import type { ReportOverview } from '../shared/report-types.ts';
import { signInToPanel } from './panel-steps.ts';
import { useServerAndBrowser } from './server.ts';

const journey = useServerAndBrowser();
const WORKSPACE = 'ws_demo';
const SHARE = 0.5;

/** The first visitor id of the form v_e2e<n> on the wanted side of the holdout. */
function visitorWhere(heldOut: boolean): string {
  for (let n = 0; ; n++) {
    const id = `v_e2e${String(n).padStart(6, '0')}`;
    if (isHoldout(WORKSPACE, id, SHARE) === heldOut) return id;
  }
}

/** An admin call from a signed-in panel page, with its CSRF token. */
async function admin<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/admin/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(`/admin${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body },
  );
}

/** A shopper's visit to the demo home page as `visitorId`, left by navigating away (so its events are sent). */
async function visit(visitorId: string): Promise<{ hidden: boolean; height: number; tiles: number; postRequests: number }> {
  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // A returning shopper who consented to analytics (the holdout applies only with consent): the
  // page's queue stub already holds the consent, as a consent platform's call before embed.js would.
  await context.addInitScript((id) => {
    localStorage.setItem('vitrine:v', id);
    localStorage.setItem('maison-lumen-consent', 'granted');
    const stub = Object.assign((...args: unknown[]) => void stub.q.push(args), { q: [['consent', { analytics: true }]] as unknown[][] });
    (window as { vitrine?: unknown }).vitrine = stub;
  }, visitorId);
  const page = await context.newPage();
  let postRequests = 0;
  page.on('request', (request) => {
    if (/\/v1\/galleries\/[^/]+\/posts/.test(request.url())) postRequests += 1;
  });
  await page.goto(`${journey.server.url}/`);
  await page.locator('vitrine-gallery:defined').waitFor({ state: 'attached' });
  await page.locator('vitrine-gallery').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  // Once the gallery has decided, the server hears of it: the holdout at once, an impression after a second in view.
  await eventStored(journey.server, isHoldout(WORKSPACE, visitorId, SHARE) ? 'vitrine_holdout' : 'view_item_list');
  const seen = await page.locator('vitrine-gallery').evaluate((element) => ({
    hidden: (element as HTMLElement).hidden,
    height: element.getBoundingClientRect().height,
    tiles: element.shadowRoot?.querySelectorAll('[part~="tile"]').length ?? 0,
  }));
  await page.goto('about:blank');
  await context.close();
  return { ...seen, postRequests };
}

test('a visitor in the holdout sees no gallery and is counted as held out; the others see it', async () => {
  const ownerContext = await journey.browser.newContext();
  const owner = await ownerContext.newPage();
  await signInToPanel(owner, journey.server);
  // The owner sets the holdout in Settings, as a percentage.
  await owner.getByRole('link', { name: 'Settings' }).click();
  await owner.getByLabel(/^Holdout/).fill(String(SHARE * 100));
  await owner.getByRole('button', { name: 'Save settings' }).click();
  await owner.getByText('Settings saved.').waitFor();

  const held = await visit(visitorWhere(true));
  assert.deepEqual({ hidden: held.hidden, height: held.height, tiles: held.tiles }, { hidden: true, height: 0, tiles: 0 });
  assert.equal(held.postRequests, 1, 'one request tells the holdout (the page has no server-rendered list); no more pages');

  const shown = await visit(visitorWhere(false));
  assert.equal(shown.hidden, false);
  assert.ok(shown.height > 0 && shown.tiles > 0, 'the gallery shows');

  const overview = await admin<ReportOverview>(owner, 'GET', '/reports/overview');
  assert.equal(overview.holdout.share, SHARE);
  assert.equal(overview.holdout.holdoutVisitors, 1);
  assert.equal(overview.holdout.exposedVisitors, 1);
  await ownerContext.close();
});
