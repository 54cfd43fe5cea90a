import type { Timers } from '../tracking/queue.ts';

/** Timers a test moves by hand, for the queue's 5 seconds and the impression's 1 second. */
export function manualTimers(): Timers & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout: (callback, ms) => (due.set(next, { at: now + ms, callback }), next++),
    clearTimeout: (handle) => void due.delete(handle as number),
    advance(ms) {
      now += ms;
      for (const [handle, timer] of [...due]) {
        if (timer.at <= now) {
          due.delete(handle);
          timer.callback();
        }
      }
    },
    pending: () => due.size,
  };
}
