import { expect } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it } from '../testing/mocha.ts';
import { captureSends } from '../testing/beacons.ts';
import { manualTimers } from '../testing/timers.ts';
import { SESSION_IDLE_MS, SESSION_KEY, VISITOR_KEY } from './ids.ts';
import { createTracker, type TrackerOptions } from './tracker.ts';
import { gtagArguments } from '../testing/gtag-arguments.ts';

const ENDPOINT = `${location.origin}/v1/events`;
const ID = /^[A-Za-z0-9_-]{8,64}$/;
declare global {
  interface Window {
    dataLayer?: unknown[];
  }
}
const leave = () => dispatchEvent(new PageTransitionEvent('pagehide'));
/** What gtag does: `function gtag(){dataLayer.push(arguments)}`. */
function gtag(...values: unknown[]): void {
  (window.dataLayer ??= []).push(gtagArguments(...values));
}

let capture: ReturnType<typeof captureSends>;
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  delete window.dataLayer;
  capture = captureSends();
});
afterEach(() => {
  leave();
  capture.restore();
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
});

/** Most tests are about what a consenting visitor sends: the page says so with `data-consent`. */
const tracker = (options: Partial<TrackerOptions> = {}) =>
  createTracker({ endpoint: ENDPOINT, workspaceId: 'ws_demo', mirror: false, consent: 'granted', timers: manualTimers(), ...options });
const setGpc = (value: boolean | undefined) => Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, value });
const open = (postId: string) => ({ type: 'select_content' as const, galleryId: 'demo', postId });

describe('the tracker', () => {
  it('sends a text/plain beacon in the contract shape, with ids kept across page views', async () => {
    const first = tracker({ now: () => 1764370000000 });
    first.track(open('post_1'));
    first.track({ type: 'select_item', galleryId: 'demo', postId: 'post_1', productId: 'prod_1' });
    leave();
    tracker({ now: () => 1764370000000 + 60_000 }).track(open('post_2'));
    leave();

    const [one, two] = await capture.sent();
    expect(one!.via).to.equal('beacon');
    expect(one!.url).to.equal(ENDPOINT);
    expect(one!.type).to.equal('text/plain;charset=utf-8');
    const { events, ...envelope } = one!.batch;
    expect(envelope).to.deep.equal({
      v: 1,
      workspaceId: 'ws_demo',
      consent: 'granted',
      visitorId: localStorage.getItem(VISITOR_KEY),
      sessionId: sessionStorage.getItem(SESSION_KEY)!.split('.')[0],
    });
    expect(envelope.visitorId).to.match(ID);
    expect(envelope.sessionId).to.match(ID);
    expect(events).to.deep.equal([
      { id: events[0]!.id, at: 1764370000000, ...open('post_1') },
      { id: events[1]!.id, at: 1764370000000, type: 'select_item', galleryId: 'demo', postId: 'post_1', productId: 'prod_1' },
    ]);
    for (const event of events) expect(event.id).to.match(ID);
    expect(events[0]!.id).to.not.equal(events[1]!.id);
    // The next page view: same visitor, same session.
    expect(two!.batch.visitorId).to.equal(envelope.visitorId);
    expect(two!.batch.sessionId).to.equal(envelope.sessionId);
  });

  it('batches: sends at 10 events, else after 5 seconds', async () => {
    const timers = manualTimers();
    const page = tracker({ timers });
    for (let i = 0; i < 9; i++) page.track(open(`post_${i}`));
    expect(capture.count()).to.equal(0);
    page.track(open('post_9'));
    expect(capture.count()).to.equal(1);
    page.track(open('post_10'));
    timers.advance(4999);
    expect(capture.count()).to.equal(1);
    timers.advance(1);
    const sent = await capture.sent();
    expect(sent.map((body) => body.batch.events.length)).to.deep.equal([10, 1]);
  });

  it('falls back to fetch with keepalive when the browser refuses the beacon', async () => {
    capture.restore();
    capture = captureSends(window, false);
    tracker().track(open('post_1'));
    leave();
    const [sent] = await capture.sent();
    expect(sent).to.include({ via: 'fetch', url: ENDPOINT, keepalive: true });
    expect(sent!.batch.events).to.have.length(1);
  });

  it('renews the session after 30 minutes idle, not before', async () => {
    let now = 1764370000000;
    const page = tracker({ now: () => now });
    page.track(open('post_1'));
    leave();
    now += SESSION_IDLE_MS - 1;
    page.track(open('post_2'));
    leave();
    now += SESSION_IDLE_MS;
    page.track(open('post_3'));
    leave();
    const [a, b, c] = (await capture.sent()).map((body) => body.batch);
    expect(b!.sessionId).to.equal(a!.sessionId);
    expect(c!.sessionId).to.not.equal(a!.sessionId);
    expect(c!.visitorId).to.equal(a!.visitorId);
  });

  it('writes nothing anywhere when consent is denied, and sends events without any id', async () => {
    const cookies = document.cookie;
    const first = tracker();
    first.consent(false);
    first.track(open('post_1'));
    expect(first.visitorId()).to.equal(null);
    leave();

    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal(cookies);
    const [a] = (await capture.sent()).map((body) => body.batch);
    expect(a).to.deep.include({ consent: 'denied', workspaceId: 'ws_demo' });
    expect(a).to.not.have.any.keys('visitorId', 'sessionId');
    expect(a!.events).to.have.length(1);
  });

  it('is denied with no consent signal at all, until the workspace default or the page grants it', async () => {
    const page = tracker({ consent: null });
    page.track(open('post_1'));
    leave();
    expect(localStorage.length).to.equal(0);
    page.useWorkspace('ws_demo', 'granted');
    page.track(open('post_2'));
    leave();
    const stored = localStorage.getItem(VISITOR_KEY);
    const [before, after] = (await capture.sent()).map((body) => body.batch);
    expect(before!.consent).to.equal('denied');
    expect(after).to.include({ consent: 'granted', visitorId: stored });

    // The page's own default (data-consent) outranks the workspace's.
    localStorage.clear();
    const strict = tracker({ consent: 'denied' });
    strict.useWorkspace('ws_demo', 'granted');
    expect(strict.visitorId()).to.equal(null);
    expect(localStorage.length).to.equal(0);
  });

  it('treats Global Privacy Control as denied, whatever the page or the workspace says', async () => {
    setGpc(true);
    const page = tracker({ consent: 'granted' });
    page.useWorkspace('ws_demo', 'granted');
    page.consent(true);
    page.track(open('post_1'));
    leave();
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    const [batch] = (await capture.sent()).map((body) => body.batch);
    expect(batch!.consent).to.equal('denied');
    expect(batch!.visitorId).to.equal(undefined);
  });

  it('forgets: removes the stored ids, stops identifying, and asks the server to erase the visitor', async () => {
    const calls: { url: string; body: Blob }[] = [];
    capture.restore();
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: (url: string, body: Blob) => (calls.push({ url, body }), true) });
    try {
      const page = tracker();
      page.track(open('post_1'));
      const stored = page.visitorId();
      page.forget();
      page.track(open('post_2'));
      leave();
      const beacons = await Promise.all(calls.map(async ({ url, body }) => ({ url, body: await body.text() })));
      expect(localStorage.getItem(VISITOR_KEY)).to.equal(null);
      expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
      const erase = beacons.find((b) => b.url.endsWith('/v1/forget'));
      expect(JSON.parse(erase!.body)).to.deep.equal({ workspaceId: 'ws_demo', visitorId: stored });
      const batches = beacons.filter((b) => b.url === ENDPOINT).map((b) => JSON.parse(b.body) as { consent: string; visitorId?: string });
      expect(batches.map((b) => [b.consent, b.visitorId])).to.deep.equal([
        ['granted', stored],
        ['denied', undefined],
      ]);
    } finally {
      delete (navigator as { sendBeacon?: unknown }).sendBeacon;
    }
  });

  it('forgets the stored ids when consent is withdrawn, sending what came before under the old answer', async () => {
    const page = tracker();
    page.track(open('post_1'));
    const stored = page.visitorId();
    expect(localStorage.getItem(VISITOR_KEY)).to.equal(stored);
    page.consent(false);
    page.track(open('post_2'));
    leave();
    const [before, after] = (await capture.sent()).map((body) => body.batch);
    expect(before).to.include({ consent: 'granted', visitorId: stored });
    expect(after!.consent).to.equal('denied');
    expect(after!.visitorId).to.equal(undefined);
    expect(localStorage.getItem(VISITOR_KEY)).to.equal(null);
    expect(sessionStorage.getItem(SESSION_KEY)).to.equal(null);
  });

  it("follows Google Consent Mode's analytics_storage, the latest word winning", async () => {
    gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied' });
    gtag('js', new Date());
    const page = tracker();
    page.track(open('post_1'));
    leave();
    expect(localStorage.length).to.equal(0);
    gtag('consent', 'update', { analytics_storage: 'granted' });
    page.track(open('post_2'));
    leave();
    page.consent(false);
    page.track(open('post_3'));
    leave();
    gtag('consent', 'update', { analytics_storage: 'granted' });
    page.track(open('post_4'));
    leave();
    const consents = (await capture.sent()).map((body) => body.batch.consent);
    expect(consents).to.deep.equal(['denied', 'granted', 'denied', 'granted']);
  });

  it('holds events until a workspace is known, then sends them to it; an order goes at once', async () => {
    const page = tracker({ workspaceId: null });
    page.track({ type: 'purchase', transaction: { transaction_id: 'T-1', value: 49, currency: 'EUR', items: [{ item_id: 'LUM-VASE-02' }] } });
    leave();
    expect(capture.count()).to.equal(0);
    page.useWorkspace('ws_demo');
    page.useWorkspace('ws_other');
    page.track(open('post_1'), 'ws_other');
    leave();
    const sent = (await capture.sent()).map((body) => body.batch);
    expect(sent.map((batch) => [batch.workspaceId, batch.events.map((event) => event.type)])).to.deep.equal([
      ['ws_demo', ['purchase']],
      ['ws_other', ['select_content']],
    ]);

    const direct = tracker();
    direct.track({ type: 'purchase', transaction: { transaction_id: 'T-2', value: 1, currency: 'EUR', items: [] } });
    expect(capture.count(), 'sent without waiting for the batch').to.equal(3);
  });

  it('mirrors events into the dataLayer in GA4 shape with data-datalayer', () => {
    const page = tracker({ mirror: true });
    const transaction = { transaction_id: 'T-1', value: 49, currency: 'EUR', items: [{ item_id: 'LUM-VASE-02', price: 49, quantity: 1 }] };
    page.track({ type: 'add_to_cart', galleryId: 'demo', postId: 'post_1', productId: 'prod_1' }, undefined, {
      currency: 'EUR',
      value: 49,
      items: [{ item_id: 'LUM-VASE-02', item_name: 'Ripple Stoneware Vase', price: 49, quantity: 1 }],
    });
    page.track(open('post_1'));
    page.track({ type: 'purchase', transaction });
    expect(JSON.parse(JSON.stringify(window.dataLayer))).to.deep.equal([
      { ecommerce: null },
      {
        event: 'add_to_cart',
        ecommerce: { item_list_id: 'demo', currency: 'EUR', value: 49, items: [{ item_id: 'LUM-VASE-02', item_name: 'Ripple Stoneware Vase', price: 49, quantity: 1 }] },
      },
      { event: 'select_content', content_type: 'ugc_post', content_id: 'post_1', item_list_id: 'demo' },
      { ecommerce: null },
      { event: 'purchase', ecommerce: transaction },
    ]);
  });
});
