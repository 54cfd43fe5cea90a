import { expect } from '@open-wc/testing';
import { describe, it } from '../testing/mocha.ts';
import { manualTimers } from '../testing/timers.ts';
import { halfVisible, watchImpression, type Observe, type Visibility } from './impression.ts';

const VIEWPORT = 600;
/** A gallery `height` px tall of which `shown` px are in a 600 px viewport. */
const seen = (height: number, shown: number): Visibility => ({
  intersectionRatio: shown / height,
  intersectionRect: { height: shown },
  rootBounds: { height: VIEWPORT },
});

/** An IntersectionObserver the test drives: `report` is what the browser would call back with. */
function fakeObserver() {
  let onChange: ((entry: Visibility) => void) | null = null;
  const observe: Observe = (_element, callback) => {
    onChange = callback;
    return () => (onChange = null);
  };
  return { observe, report: (entry: Visibility) => onChange?.(entry), observing: () => onChange !== null };
}

function setup() {
  const timers = manualTimers();
  const observer = fakeObserver();
  let impressions = 0;
  const stop = watchImpression(document.body, { onImpression: () => (impressions += 1), timers, observe: observer.observe });
  return { timers, observer, stop, impressions: () => impressions };
}

describe('halfVisible', () => {
  it('is half of the gallery, or half of the viewport for a gallery taller than it', () => {
    expect(halfVisible(seen(400, 199))).to.equal(false);
    expect(halfVisible(seen(400, 200))).to.equal(true);
    expect(halfVisible(seen(2000, 299))).to.equal(false);
    expect(halfVisible(seen(2000, 300))).to.equal(true);
    expect(halfVisible({ intersectionRatio: 0, intersectionRect: { height: 0 }, rootBounds: null })).to.equal(false);
  });
});

describe('watchImpression', () => {
  it('counts one second of continuous half visibility, once', () => {
    const { timers, observer, impressions } = setup();
    observer.report(seen(400, 200));
    timers.advance(999);
    expect(impressions()).to.equal(0);
    timers.advance(1);
    expect(impressions()).to.equal(1);
    expect(observer.observing(), 'stops observing once counted').to.equal(false);
    observer.report(seen(400, 400));
    timers.advance(5000);
    expect(impressions()).to.equal(1);
  });

  it('starts the second again when the gallery leaves before it is up', () => {
    const { timers, observer, impressions } = setup();
    observer.report(seen(400, 300));
    timers.advance(900);
    observer.report(seen(400, 150));
    timers.advance(900);
    observer.report(seen(400, 250));
    timers.advance(999);
    expect(impressions()).to.equal(0);
    observer.report(seen(400, 400));
    timers.advance(1);
    expect(impressions()).to.equal(1);
  });

  it('does not count while the page is hidden', () => {
    const { timers, observer, impressions } = setup();
    observer.report(seen(400, 400));
    timers.advance(500);
    // The test page can't be hidden for real: its own property shadows the prototype's getter.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      timers.advance(2000);
      expect(impressions()).to.equal(0);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    timers.advance(999);
    expect(impressions()).to.equal(0);
    timers.advance(1);
    expect(impressions()).to.equal(1);
  });

  it('counts nothing once stopped (the gallery left the page)', () => {
    const { timers, observer, stop, impressions } = setup();
    observer.report(seen(400, 400));
    stop();
    timers.advance(2000);
    expect(impressions()).to.equal(0);
    expect(observer.observing()).to.equal(false);
  });
});
