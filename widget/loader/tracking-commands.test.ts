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
      win.vitrine('visitorId', (id: string) => ids.push(id));
      const tracker = createTracker({ endpoint: `${location.origin}/v1/events`, workspaceId: 'ws_demo', mirror: false, timers: manualTimers() });
      installCommandQueue(win, new Map(trackingCommands(tracker)));

      const [sent] = await capture.sent();
      expect(sent!.batch).to.include({ workspaceId: 'ws_demo', consent: 'denied', visitorId: ids[0] });
      expect(sent!.batch.events.map(({ type, transaction }) => ({ type, transaction }))).to.deep.equal([{ type: 'purchase', transaction: TRANSACTION }]);
      expect(localStorage.length).to.equal(0);
    } finally {
      capture.restore();
    }
  });

  it('refuses wrong calls by throwing, which the queue reports without breaking the page', () => {
    const tracker = createTracker({ endpoint: `${location.origin}/v1/events`, workspaceId: 'ws_demo', mirror: false, timers: manualTimers() });
    const commands = new Map(trackingCommands(tracker));
    expect(() => commands.get('consent')!({ analytics: 'no' })).to.throw(TypeError);
    expect(() => commands.get('track')!('add_to_cart', {})).to.throw(TypeError);
    expect(() => commands.get('track')!('purchase', { ...ORDER, transaction_id: '' })).to.throw(TypeError);
    expect(() => commands.get('visitorId')!('not a function')).to.throw(TypeError);
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
    expect(sent!.batch).to.include({ v: 1, workspaceId: 'ws_demo', consent: 'granted' });
    expect(sent!.batch.events.map(({ type, transaction }) => ({ type, transaction }))).to.deep.equal([{ type: 'purchase', transaction: TRANSACTION }]);
    expect((win as Window & { dataLayer?: unknown[] }).dataLayer).to.deep.equal([{ ecommerce: null }, { event: 'purchase', ecommerce: TRANSACTION }]);
    expect(win.performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.includes('/widget/')), 'no gallery code').to.deep.equal([]);
    capture.restore();
  });
});
