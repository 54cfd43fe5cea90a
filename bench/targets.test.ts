import { describe, expect, it } from 'vitest';
import { evaluate, formatNumber, is, target, vs } from './targets.ts';

describe('evaluate', () => {
  it('checks fixed bounds at their edges', () => {
    const checks = evaluate(
      { a: 2560, b: 2561, c: 10.12, d: 0, e: 0.5 },
      { a: target(is('<=', 2560)), b: target(is('<=', 2560)), c: target(is('<=', 10)), d: target(is('=', 0)), e: target(is('>=', 0.5)) },
    );
    expect(checks.map((c) => [c.figure, c.pass])).toEqual([['a', true], ['b', false], ['c', false], ['d', true], ['e', true]]);
    expect(checks[2]!.reason).toBe('not ≤ 10');
  });

  it('strict bounds fail on equality', () => {
    const [lt, gt] = evaluate({ x: 100, y: 100 }, { x: target(is('<', 100)), y: target(is('>', 100)) });
    expect(lt!.pass).toBe(false);
    expect(gt!.pass).toBe(false);
  });

  it('checks a bound against another figure of the same run, times a factor plus an offset', () => {
    const figures = { small: 4.5, large: 9.1, with: 97, without: 100 };
    const [ratio, offset] = evaluate(figures, {
      large: target([is('<', 100), vs('<', 'small', { times: 2 })]),
      with: target(vs('>=', 'without', { plus: -3 })),
    });
    expect(ratio).toMatchObject({ pass: false, label: '< 100 and < 2 × `small` (9)', reason: 'not < 2 × `small` (9)' });
    expect(offset).toMatchObject({ pass: true, label: '≥ `without` − 3 (97)' });
  });

  it('fails a target whose figure, or the figure it is compared with, this run did not measure', () => {
    const [missing, missingRef, nan] = evaluate({ b: 1, c: Number.NaN }, { a: target(is('<', 1)), b: target(vs('<', 'z')), c: target(is('<', 1)) });
    expect(missing).toMatchObject({ pass: false, value: undefined, reason: 'not measured in this run' });
    expect(missingRef).toMatchObject({ pass: false, label: '< `z` (not measured)', reason: '`z` not measured in this run' });
    expect(nan!.pass).toBe(false);
  });

  it('keeps the target\'s note', () => {
    expect(evaluate({ a: 1 }, { a: target(is('<', 2), 'why') })[0]!.note).toBe('why');
  });
});

it('formats numbers without float noise', () => {
  expect(formatNumber(2560)).toBe('2560');
  expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  expect(formatNumber(4.53)).toBe('4.53');
});
