/**
 * The gallery impression (`view_item_list`): at least half of the gallery in view for one
 * continuous second, while the page is visible. A gallery taller than the viewport can never be
 * half in view, so for it "half" means half of the viewport, as ad viewability rules do for
 * large formats.
 */
import type { Timers } from './queue.ts';

export const IMPRESSION_DWELL_MS = 1000;

/** What the decision reads of an IntersectionObserverEntry. */
export interface Visibility {
  intersectionRatio: number;
  intersectionRect: { height: number };
  rootBounds: { height: number } | null;
}

export function halfVisible(entry: Visibility): boolean {
  const viewport = entry.rootBounds?.height ?? 0;
  return entry.intersectionRatio >= 0.5 || (viewport > 0 && entry.intersectionRect.height >= viewport / 2);
}

export type Observe = (element: Element, onChange: (entry: Visibility) => void) => () => void;

/** Thresholds every 5%: ratios change by small steps as a tall gallery scrolls by. */
const THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 20);

const observeIntersection: Observe = (element, onChange) => {
  const observer = new IntersectionObserver((entries) => entries.forEach(onChange), { threshold: THRESHOLDS });
  observer.observe(element);
  return () => observer.disconnect();
};

export interface ImpressionOptions {
  onImpression: () => void;
  dwellMs?: number;
  timers?: Timers;
  observe?: Observe;
  doc?: Document;
}

/** Calls `onImpression` once, when the element has been half visible for `dwellMs`; returns a stop function. */
export function watchImpression(element: Element, options: ImpressionOptions): () => void {
  const { onImpression, dwellMs = IMPRESSION_DWELL_MS, timers = window as unknown as Timers, observe = observeIntersection, doc = document } = options;
  let inView = false;
  let timer: unknown = null;
  let stopped = false;
  let unobserve = () => {};
  const check = () => {
    if (stopped) return;
    if (inView && doc.visibilityState === 'visible') {
      timer ??= timers.setTimeout(() => {
        stop();
        onImpression();
      }, dwellMs);
    } else if (timer !== null) {
      // Scrolled away or switched tab before the second was up: the count starts again.
      timers.clearTimeout(timer);
      timer = null;
    }
  };
  const stop = () => {
    stopped = true;
    unobserve();
    doc.removeEventListener('visibilitychange', check);
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  doc.addEventListener('visibilitychange', check);
  unobserve = observe(element, (entry) => {
    inView = halfVisible(entry);
    check();
  });
  return stop;
}
