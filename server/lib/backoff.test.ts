import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.ts';

describe('backoffMs', () => {
  it('doubles from the base with each retry and stops at the cap', () => {
    const waits = [0, 1, 2, 3, 4, 5, 6].map((step) => backoffMs(step, { baseMs: 1000, capMs: 20_000 }));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 20_000, 20_000]);
  });
  it('stays finite for absurd step counts', () => {
    expect(backoffMs(5000, { baseMs: 60_000, capMs: 86_400_000 })).toBe(86_400_000);
  });
});
