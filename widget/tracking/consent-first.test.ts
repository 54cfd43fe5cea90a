/**
 * A store page as a merchant pastes the embed code, with no consent platform: the built
 * embed.js (`npm run build` first) in a same-origin frame, against the fixture's real API.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { captureSends } from '../testing/beacons.ts';
import { fixtureFacts } from '../testing/gallery.ts';
import { afterEach, beforeEach, describe, it } from '../testing/mocha.ts';
import { SESSION_KEY, VISITOR_KEY } from './ids.ts';

const ORDER = { transaction_id: 'T-CONSENT-1', value: 49, currency: 'EUR', items: [{ item_id: 'LUM-VASE-02', price: 49, quantity: 1 }] };
type StorePage = Window & { vitrine(...args: unknown[]): void };

/** A store page with the gallery; `head` runs before the loader (a GPC browser, a consent call). */
function storePage(galleryId: string, head = ''): { win: StorePage; capture: ReturnType<typeof captureSends> } {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px';
  document.body.append(frame);
  const win = frame.contentWindow as StorePage;
  const capture = captureSends(win);
  const doc = frame.contentDocument!;
  doc.open();
  doc.write(`<!doctype html><title>Store</title>
    <script>window.vitrine = window.vitrine || function(){(vitrine.q=vitrine.q||[]).push(arguments)};${head}</script>
    <vitrine-gallery gallery="${galleryId}" limit="4"></vitrine-gallery>
    <script src="/embed.js" data-datalayer></script>`);
  doc.close();
  return { win, capture };
}

const vitrineKeys = (storage: Storage) => Object.keys(storage).filter((key) => key.startsWith('vitrine:'));
const leave = (win: Window) => win.dispatchEvent(new PageTransitionEvent('pagehide'));
const impressionTracked = (win: StorePage) => (((win as { dataLayer?: unknown }).dataLayer ?? []) as { event?: string }[]).some((entry) => entry.event === 'view_item_list');

let cookies: string;
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  cookies = document.cookie;
});
afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('a page with no consent signal', () => {
  it('shows the gallery and counts its impression, storing nothing, until the shopper consents', async () => {
    const { galleryId } = await fixtureFacts();
    const { win, capture } = storePage(galleryId);
    await waitUntil(() => impressionTracked(win), 'no impression was tracked (run `npm run build` first)', { timeout: 8000 });
    leave(win);
    const [anonymous] = await capture.sent();
    expect(anonymous!.batch.consent).to.equal('denied');
    expect(anonymous!.batch).to.not.have.any.keys('visitorId', 'sessionId');
    expect(anonymous!.batch.events.map((event) => event.type)).to.include('view_item_list');
    // The API takes the anonymous batch, for the aggregate figures.
    const answer = await fetch('/v1/events', { method: 'POST', body: JSON.stringify(anonymous!.batch) });
    expect(answer.status).to.equal(204);
    expect(vitrineKeys(localStorage)).to.deep.equal([]);
    expect(vitrineKeys(sessionStorage)).to.deep.equal([]);
    expect(document.cookie).to.equal(cookies);
    expect(win.document.cookie).to.equal(cookies);

    win.vitrine('consent', { analytics: true });
    win.vitrine('track', 'purchase', ORDER);
    await waitUntil(() => capture.count() > 1, 'the purchase was not sent');
    const visitorId = localStorage.getItem(VISITOR_KEY);
    expect(visitorId).to.match(/^v_[a-z0-9]+$/);
    expect(sessionStorage.getItem(SESSION_KEY)).to.match(/^s_/);
    const consented = (await capture.sent())[1]!.batch;
    expect(consented).to.include({ consent: 'granted', visitorId });
    capture.restore();
  });

  it('stores nothing in a browser sending Global Privacy Control, even when the page consents', async () => {
    const { galleryId } = await fixtureFacts();
    const { win, capture } = storePage(
      galleryId,
      "Object.defineProperty(navigator, 'globalPrivacyControl', { value: true }); vitrine('consent', { analytics: true });",
    );
    await waitUntil(() => impressionTracked(win), 'no impression was tracked', { timeout: 8000 });
    leave(win);
    const [sent] = await capture.sent();
    expect(sent!.batch.consent).to.equal('denied');
    expect(sent!.batch).to.not.have.any.keys('visitorId', 'sessionId');
    expect(vitrineKeys(localStorage)).to.deep.equal([]);
    expect(vitrineKeys(sessionStorage)).to.deep.equal([]);
    expect(win.document.cookie).to.equal(cookies);
    capture.restore();
  });
});
