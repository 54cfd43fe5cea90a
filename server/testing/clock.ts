import type { Clock } from '../deps.ts';

/** A clock tests can move, to cross expiry dates and attribution windows without waiting. */
export function testClock(start = Date.UTC(2026, 10, 28, 12)): Clock & { set(ms: number): void; advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    set: (ms) => void (now = ms),
    advance: (ms) => void (now += ms),
  };
}
