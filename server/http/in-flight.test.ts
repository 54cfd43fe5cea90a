import { describe, expect, it } from 'vitest';
import { InFlight } from './in-flight.ts';

describe('InFlight', () => {
  it('gives at most max slots, and one again once released (twice counts once)', () => {
    const slots = new InFlight(2);
    const a = slots.tryAcquire();
    const b = slots.tryAcquire();
    expect(a && b).toBeTruthy();
    expect(slots.tryAcquire()).toBeNull();
    a!();
    a!();
    const c = slots.tryAcquire();
    expect(c).toBeTruthy();
    expect(slots.tryAcquire()).toBeNull();
    b!();
    c!();
    expect(slots.tryAcquire()).toBeTruthy();
  });
});
