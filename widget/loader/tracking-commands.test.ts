import { expect, waitUntil } from '@open-wc/testing';
import { captureSends } from '../testing/beacons.ts';
import { manualTimers } from '../testing/timers.ts';
import { afterEach, describe, it } from '../testing/mocha.ts';
import { createTracker } from '../tracking/tracker.ts';
import { installCommandQueue, type VitrineGlobal } from './command-queue.ts';
import { trackingCommands } from './tracking-commands.ts';

const ORDER = {
  transaction_id: 'T-1001',
  value: 178,
  currency: 'EUR',
  tax: 29.67,
  items: [
    { item_id: 'LUM-LAMP-01', item_name: 'Arc Table Lamp', price: 129, quantity: 1 },
    { item_id: 'LUM-VASE-02', item_name: 'Ripple Stoneware Vase', price: 49, quantity: 1 },
  ],
};
const TRANSACTION = { transaction_id: 'T-1001', value: 178, currency: 'EUR', items: ORDER.items };

/** A frame holding only what an order confirmation page needs. */
function confirmationPage(): { frame: HTMLIFrameElement; win: Window } {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  return { frame, win: frame.contentWindow! };
}

/** Where tests put the loader: the purchase chunk's path (web-test-runner.config.mjs) is relative to it. */
const LOADER_URL = new URL('/embed.js', location.origin);

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('the tracking commands', () => {
  it('consent, track purchase and visitorId, queued before the loader arrived', async () => {
    const capture = captureSends();
    try {
      localStorage.clear();
      const win = {} as Window;
      const stub: VitrineGlobal = function (...args: unknown[]) {
        (stub.q = stub.q ?? []).push(args);
      };
      win.vitrine = stub;
      const ids: string[] = [];
      win.vitrine('consent', { analytics: false });
      win.vitrine('track', 'purchase', ORDER);
      win.vitrine('visitorId', (id: string | null) => ids.push(String(id)));
      const tracker = createTracker({ endpoint: `${location.origin}/v1/events`, workspaceId: 'ws_demo', mirror: false, timers: manualTimers() });
      installCommandQueue(win, new Map(trackingCommands(tracker, LOADER_URL)));

      // The purchase's checks load first (a chunk of their own), then the order goes at once.
      await waitUntil(() => capture.count() > 0, 'the purchase was not sent');
      const [sent] = await capture.sent();
      expect(ids).to.deep.equal(['null']);
      expect(sent!.batch).to.include({ workspaceId: 'ws_demo', consent: 'denied' });
      expect(sent!.batch).to.not.have.any.keys('visitorId', 'sessionId');
      expect(sent!.batch.events.map(({ type, transaction }) => ({ type, transaction }))).to.deep.equal([{ type: 'purchase', transaction: TRANSACTION }]);
      expect(localStorage.length).to.equal(0);
    } finally {
      capture.restore();
    }
  });

  it('refuses wrong calls by throwing, which the queue reports without breaking the page', async () => {
    const tracker = createTracker({ endpoint: `${location.origin}/v1/events`, workspaceId: 'ws_demo', mirror: false, timers: manualTimers() });
    const commands = new Map(trackingCommands(tracker, LOADER_URL));
    expect(() => commands.get('consent')!({ analytics: 'no' })).to.throw(TypeError);
    expect(() => commands.get('track')!('add_to_cart', {})).to.throw(TypeError);
    expect(() => commands.get('visitorId')!('not a function')).to.throw(TypeError);
    // A purchase's fields are checked once its chunk has loaded: reported in the console, nothing sent.
    const capture = captureSends();
    const realError = console.error;
    const reported: unknown[][] = [];
    console.error = (...args: unknown[]) => void reported.push(args);
    try {
      commands.get('track')!('purchase', { ...ORDER, transaction_id: '' });
      await waitUntil(() => reported.length > 0, 'the bad purchase was not reported');
      expect(reported[0]![0]).to.equal('[vitrine] command "track" failed');
      expect(reported[0]![1]).to.be.instanceOf(TypeError);
      tracker.consent(false);
      expect(capture.count()).to.equal(0);
    } finally {
      console.error = realError;
      capture.restore();
    }
  });

  it('embed.js sends a purchase from a page without a gallery, to the workspace on its script tag', async () => {
    const { frame, win } = confirmationPage();
    const capture = captureSends(win);
    const doc = frame.contentDocument!;
    doc.open();
    doc.write(`<!doctype html><title>Thank you</title>
      <script>window.vitrine = window.vitrine || function(){(vitrine.q=vitrine.q||[]).push(arguments)};
      vitrine('track', 'purchase', ${JSON.stringify(ORDER)});</script>
      <script src="/embed.js" data-workspace="ws_demo" data-datalayer></script>`);
    doc.close();
    await waitUntil(() => capture.count() > 0, 'embed.js sent nothing (run `npm run build` first)');
    const [sent] = await capture.sent();
    expect(sent).to.include({ via: 'beacon', url: `${location.origin}/v1/events`, type: 'text/plain;charset=utf-8' });
    // No consent signal on this page: the order counts, tied to no visitor.
    expect(sent!.batch).to.include({ v: 1, workspaceId: 'ws_demo', consent: 'denied' });
    expect(sent!.batch).to.not.have.any.keys('visitorId');
    expect(sent!.batch.events.map(({ type, transaction }) => ({ type, transaction }))).to.deep.equal([{ type: 'purchase', transaction: TRANSACTION }]);
    expect((win as Window & { dataLayer?: unknown[] }).dataLayer).to.deep.equal([{ ecommerce: null }, { event: 'purchase', ecommerce: TRANSACTION }]);
    expect(win.performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.includes('/widget/gallery-')), 'no gallery code').to.deep.equal([]);
    capture.restore();
  });
});
