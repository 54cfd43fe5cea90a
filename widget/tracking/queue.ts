/**
 * Holds events until there are 10 of them, 5 seconds have passed since the first, or the page
 * is being left (`pagehide`, or `visibilitychange` to hidden: on phones a page is often killed
 * from the background without a pagehide), then hands them all to `flush` at once.
 */
export const BATCH_EVENTS = 10;
export const BATCH_DELAY_MS = 5000;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface EventQueue<T> {
  add(item: T): void;
  /** Sends what is held now (also when consent changes, so each batch has one identity). */
  flush(): void;
}

export function createEventQueue<T>(win: Window, flush: (items: T[]) => void, timers: Timers = win as unknown as Timers): EventQueue<T> {
  let held: T[] = [];
  let timer: unknown = null;
  const send = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (held.length === 0) return;
    const items = held;
    held = [];
    flush(items);
  };
  win.addEventListener('pagehide', send);
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') send();
  });
  return {
    add(item) {
      held.push(item);
      if (held.length >= BATCH_EVENTS) send();
      else timer ??= timers.setTimeout(send, BATCH_DELAY_MS);
    },
    flush: send,
  };
}
