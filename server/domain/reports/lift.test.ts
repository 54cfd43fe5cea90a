import { describe, expect, it } from 'vitest';
import { liftWithInterval } from './lift.ts';

describe('liftWithInterval', () => {
  it('gives the rate ratio minus one with the Katz log interval', () => {
    // 200/10,000 exposed vs 15/1,000 held out: RR = 0.02 / 0.015 = 1.3333.
    const { lift, ci95 } = liftWithInterval({ visitors: 10_000, conversions: 200 }, { visitors: 1_000, conversions: 15 });
    expect(lift).toBeCloseTo(1 / 3, 6);
    // se = sqrt(1/200 − 1/10000 + 1/15 − 1/1000) = 0.265644; exp(ln 1.3333 ± 1.96·se) − 1
    expect(ci95![0]).toBeCloseTo(Math.exp(Math.log(4 / 3) - 1.959964 * 0.265644) - 1, 4);
    expect(ci95![1]).toBeCloseTo(Math.exp(Math.log(4 / 3) + 1.959964 * 0.265644) - 1, 4);
    expect(ci95![0]).toBeLessThan(0);
    expect(ci95![1]).toBeGreaterThan(1);
  });

  it('is null without holdout conversions, and has no interval without exposed ones', () => {
    expect(liftWithInterval({ visitors: 100, conversions: 5 }, { visitors: 10, conversions: 0 })).toEqual({ lift: null, ci95: null });
    expect(liftWithInterval({ visitors: 100, conversions: 0 }, { visitors: 10, conversions: 1 })).toEqual({ lift: -1, ci95: null });
    expect(liftWithInterval({ visitors: 0, conversions: 0 }, { visitors: 10, conversions: 1 })).toEqual({ lift: null, ci95: null });
  });

  it('answers every corner of the counts: no visitors, no conversions, on either side', () => {
    for (const exposedVisitors of [0, 10])
      for (const exposedConversions of [0, 1])
        for (const holdoutVisitors of [0, 10])
          for (const holdoutConversions of [0, 1]) {
            if (exposedConversions > exposedVisitors || holdoutConversions > holdoutVisitors) continue;
            const { lift, ci95 } = liftWithInterval({ visitors: exposedVisitors, conversions: exposedConversions }, { visitors: holdoutVisitors, conversions: holdoutConversions });
            const defined = exposedVisitors > 0 && holdoutVisitors > 0 && holdoutConversions > 0;
            expect(lift === null).toBe(!defined);
            expect(ci95 === null).toBe(!defined || exposedConversions === 0);
            // The interval always holds the estimate.
            if (ci95) expect(ci95[0] < lift! && lift! < ci95[1]).toBe(true);
          }
  });
});
