import type { Clock } from '../../deps.ts';

/**
 * Where test clocks start unless VITRINE_TEST_CLOCK_START says otherwise: a fixed day, at noon
 * UTC so that a test's few minutes never cross a day boundary in any time zone's report day.
 */
export const DEFAULT_TEST_CLOCK_START = Date.UTC(2026, 10, 28, 12);

/**
 * The VITRINE_TEST_CLOCK_START setting (`YYYY-MM-DD`: noon UTC that day), read once by each test
 * runner's config; unset means the fixed default. Every test must pass whatever day it names.
 */
export function testClockStart(setting: string | undefined): number {
  if (setting === undefined || setting === '') return DEFAULT_TEST_CLOCK_START;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(setting);
  const start = day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12) : NaN;
  if (!day || new Date(start).toISOString().slice(0, 10) !== setting) {
    throw new Error(`VITRINE_TEST_CLOCK_START: expected a day as YYYY-MM-DD, not "${setting}"`);
  }
  return start;
}

let configuredStart = DEFAULT_TEST_CLOCK_START;

/** Called at a test runner's edge (vitest's setup file, the wtr fixture) with the resolved setting. */
export function startTestClocksAt(ms: number): void {
  if (!Number.isFinite(ms)) throw new Error(`test clocks need a start in epoch milliseconds, not ${ms}`);
  configuredStart = ms;
}

/** A clock tests can move, to cross expiry dates and attribution windows without waiting. */
export function testClock(start = configuredStart): Clock & { set(ms: number): void; advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    set: (ms) => void (now = ms),
    advance: (ms) => void (now += ms),
  };
}
