import { describe, expect, it } from 'vitest';
import { fnv1a32, isHoldout } from './holdout.ts';

describe('holdout', () => {
  it('hashes with FNV-1a 32 (reference vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('assigns a visitor the same way every time', () => {
    for (let i = 0; i < 100; i++) {
      const visitor = `v_stable${i}`;
      expect(isHoldout('ws_a', visitor, 0.1)).toBe(isHoldout('ws_a', visitor, 0.1));
    }
  });

  it('holds out the configured share within 1.5 points over 20k ids', () => {
    for (const share of [0.05, 0.1, 0.2, 0.5]) {
      let held = 0;
      for (let i = 0; i < 20_000; i++) if (isHoldout('ws_demo', `v_${i.toString(36)}_${(i * 7919).toString(36)}`, share)) held++;
      expect(Math.abs(held / 20_000 - share)).toBeLessThan(0.015);
    }
  });

  it('holds out nobody at 0 and everybody at 1', () => {
    for (let i = 0; i < 500; i++) {
      expect(isHoldout('ws_a', `v_x${i}`, 0)).toBe(false);
      expect(isHoldout('ws_a', `v_x${i}`, 1)).toBe(true);
    }
  });

  it('depends on the workspace too', () => {
    let differ = 0;
    for (let i = 0; i < 2000; i++) if (isHoldout('ws_a', `v_y${i}`, 0.5) !== isHoldout('ws_b', `v_y${i}`, 0.5)) differ++;
    expect(differ).toBeGreaterThan(500);
  });
});
