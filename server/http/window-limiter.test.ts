import { describe, expect, it } from 'vitest';
import { WindowLimiter } from './window-limiter.ts';

describe('WindowLimiter', () => {
  it('allows `limit` hits per key and window, then says how long to wait', () => {
    const limiter = new WindowLimiter(3, 60_000);
    const t = 1_700_000_080_000; // 40 s into a minute
    expect([1, 2, 3].map(() => limiter.hit('a', t))).toEqual([null, null, null]);
    expect(limiter.hit('a', t)).toBe(20);
    expect(limiter.hit('b', t)).toBeNull();
  });

  it('starts over in the next window', () => {
    const limiter = new WindowLimiter(1, 60_000);
    expect(limiter.hit('a', 0)).toBeNull();
    expect(limiter.hit('a', 59_999)).toBe(1);
    expect(limiter.hit('a', 60_000)).toBeNull();
  });

  it('keeps memory bounded under many distinct keys', () => {
    const limiter = new WindowLimiter(1, 60_000, 10);
    for (let i = 0; i < 25; i++) expect(limiter.hit(`k${i}`, 5)).toBeNull();
  });
});
