import { expect } from '@open-wc/testing';
import { installCommandQueue, type VitrineGlobal } from './command-queue.ts';
import { onCommand } from './events.ts';
import { describe, it } from '../testing/mocha.ts';

describe("vitrine('on', …)", () => {
  it('hands the listener the detail and the event of a composed vitrine: event, and lets it cancel', () => {
    const win = {} as Window;
    const stub: VitrineGlobal = function (...args: unknown[]) {
      (stub.q = stub.q ?? []).push(args);
    };
    win.vitrine = stub;
    const seen: unknown[] = [];
    // Queued before the loader arrives, as a store's script usually does.
    win.vitrine('on', 'add-to-cart', (detail: unknown, event: Event) => {
      seen.push(detail);
      event.preventDefault();
    });
    installCommandQueue(win, new Map([['on', onCommand(document)]]));

    const host = document.createElement('div');
    const inside = document.createElement('button');
    host.attachShadow({ mode: 'open' }).append(inside);
    document.body.append(host);
    try {
      const event = new CustomEvent('vitrine:add-to-cart', { detail: { sku: 'A' }, bubbles: true, composed: true, cancelable: true });
      expect(inside.dispatchEvent(event)).to.equal(false);
      expect(seen).to.deep.equal([{ sku: 'A' }]);
    } finally {
      host.remove();
    }
  });

  it('refuses a call without a name and a function', () => {
    expect(() => onCommand(document)('add-to-cart', 'not a function')).to.throw(TypeError);
  });
});
