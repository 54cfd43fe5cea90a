/**
 * The panel's "now", for every date it works out itself (days left on a permission, a report's
 * last N days, an optimistic timestamp). It is the browser's clock; component tests run the
 * panel against a fixture server whose clock starts on a chosen day, and set this to that clock
 * (panel/testing/harness.tsx) so that what the page computes agrees with what the server answers.
 */
let read: () => number = () => Date.now();

export function now(): number {
  return read();
}

/** Replaces the clock the panel reads (tests only: the fixture server's clock). */
export function setPanelClock(clock: () => number): void {
  read = clock;
}
