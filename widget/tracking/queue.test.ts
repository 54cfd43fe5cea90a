import { expect } from '@open-wc/testing';
import { describe, it } from '../testing/mocha.ts';
import { manualTimers } from '../testing/timers.ts';
import { BATCH_DELAY_MS, BATCH_EVENTS, createEventQueue } from './queue.ts';

function setup() {
  const timers = manualTimers();
  const sent: number[][] = [];
  const queue = createEventQueue<number>(window, (items) => sent.push(items), timers);
  return { timers, sent, queue };
}

describe('the batching queue', () => {
  it('sends as soon as 10 events are held', () => {
    const { sent, queue, timers } = setup();
    for (let i = 1; i < BATCH_EVENTS; i++) queue.add(i);
    expect(sent).to.deep.equal([]);
    queue.add(BATCH_EVENTS);
    expect(sent).to.deep.equal([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
    expect(timers.pending()).to.equal(0);
  });

  it('sends 5 seconds after the first event held, not later events', () => {
    const { sent, queue, timers } = setup();
    queue.add(1);
    timers.advance(BATCH_DELAY_MS - 1000);
    queue.add(2);
    timers.advance(999);
    expect(sent).to.deep.equal([]);
    timers.advance(1);
    expect(sent).to.deep.equal([[1, 2]]);
    timers.advance(BATCH_DELAY_MS * 2);
    expect(sent).to.have.length(1);
  });

  it('sends what it holds on pagehide, and nothing when it holds nothing', () => {
    const { sent, queue } = setup();
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(sent).to.deep.equal([]);
    queue.add(1);
    queue.add(2);
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(sent).to.deep.equal([[1, 2]]);
  });

  it('sends when the page becomes hidden (a phone may kill it from the background)', () => {
    const { sent, queue } = setup();
    queue.add(1);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sent, 'still visible').to.deep.equal([]);
    // The test page can't be hidden for real: its own property shadows the prototype's getter.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(sent).to.deep.equal([[1]]);
  });
});
