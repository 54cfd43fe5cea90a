/**
 * Targets as data, checked by bench/run.ts: a figure passes when every bound of its target holds
 * for the value measured in the same run. Pure, so bench/targets.test.ts pins it down.
 */
import type { Bound, Op, Target } from './section.ts';

/** `figure op value`, e.g. `is('<=', 2560)`. */
export function is(op: Op, value: number): Bound {
  return { op, value };
}

/** `figure op times × other + plus`, against another figure of the same run. */
export function vs(op: Op, of: string, options: { times?: number; plus?: number } = {}): Bound {
  return { op, of, ...options };
}

export function target(bounds: Bound | Bound[], note?: string): Target {
  return { bounds: Array.isArray(bounds) ? bounds : [bounds], ...(note ? { note } : {}) };
}

export interface Check {
  figure: string;
  /** Missing when the run did not produce the figure. */
  value: number | undefined;
  /** The bounds as text, with each relative bound's threshold in this run. */
  label: string;
  pass: boolean;
  /** Why it failed, when it did (a missing figure, or the bounds that did not hold). */
  reason?: string;
  note?: string;
}

const SYMBOL: Record<Op, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=' };

function holds(op: Op, value: number, threshold: number): boolean {
  switch (op) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '=':
      return value === threshold;
  }
}

/** A number as the tables print it: at most 3 decimals, no float noise. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)));
}

/** The threshold a bound sets in this run, or undefined when it refers to a figure the run lacks. */
function threshold(bound: Bound, figures: Record<string, number>): number | undefined {
  if ('value' in bound) return bound.value;
  const other = figures[bound.of];
  if (other === undefined || !Number.isFinite(other)) return undefined;
  return other * (bound.times ?? 1) + (bound.plus ?? 0);
}

function boundLabel(bound: Bound, figures: Record<string, number>): string {
  if ('value' in bound) return `${SYMBOL[bound.op]} ${formatNumber(bound.value)}`;
  const times = bound.times !== undefined && bound.times !== 1 ? `${formatNumber(bound.times)} × ` : '';
  const plus = bound.plus ? ` ${bound.plus > 0 ? '+' : '−'} ${formatNumber(Math.abs(bound.plus))}` : '';
  const at = threshold(bound, figures);
  return `${SYMBOL[bound.op]} ${times}\`${bound.of}\`${plus} (${at === undefined ? 'not measured' : formatNumber(at)})`;
}

/** Checks every target against the figures of one run, in the targets' order. */
export function evaluate(figures: Record<string, number>, targets: Record<string, Target>): Check[] {
  return Object.entries(targets).map(([figure, t]) => {
    const value = figures[figure];
    const label = t.bounds.map((b) => boundLabel(b, figures)).join(' and ');
    const base = { figure, value, label, ...(t.note ? { note: t.note } : {}) };
    if (value === undefined || !Number.isFinite(value)) return { ...base, pass: false, reason: 'not measured in this run' };
    const failed: string[] = [];
    for (const bound of t.bounds) {
      const at = threshold(bound, figures);
      if (at === undefined) failed.push(`\`${(bound as { of: string }).of}\` not measured in this run`);
      else if (!holds(bound.op, value, at)) failed.push(`not ${boundLabel(bound, figures)}`);
    }
    return failed.length ? { ...base, pass: false, reason: failed.join('; ') } : { ...base, pass: true };
  });
}
