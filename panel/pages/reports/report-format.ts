/** How the reports say numbers, rates and the holdout's result, in the panel's language (English). */
import type { HoldoutReport } from '../../../shared/report-types.ts';

const counts = new Intl.NumberFormat('en');

export const count = (n: number) => counts.format(n);

const plurals = new Intl.PluralRules('en');

/** A count with its noun in the right number: "1 visitor", "2 visitors", "0 orders". */
export const counted = (n: number, one: string, other: string) => `${count(n)} ${plurals.select(n) === 'one' ? one : other}`;

/** 0.1234 → "12.3%". */
export const percent = (rate: number, digits = 1) => `${(rate * 100).toFixed(digits)}%`;

/** A signed change: 0.12 → "+12.0%", -0.05 → "−5.0%". */
export const change = (rate: number) => `${rate >= 0 ? '+' : '−'}${percent(Math.abs(rate))}`;

/**
 * The holdout's result in a sentence an analyst can repeat: whether the galleries raise the
 * conversion rate of the visitors who see them, and how sure the 95% interval lets us be.
 */
export function liftReading(holdout: HoldoutReport): string {
  if (holdout.share === 0 && holdout.holdoutVisitors === 0) {
    return 'No holdout is running: set a holdout share in Settings to measure what the galleries add.';
  }
  if (holdout.lift === null) {
    return 'Not measurable yet: no visitor in the holdout has ordered, so there is nothing to compare with.';
  }
  const lift = change(holdout.lift);
  if (!holdout.ci95) return `Visitors shown galleries convert ${lift} compared with the holdout, but there are too few orders for a confidence interval.`;
  const [low, high] = holdout.ci95;
  const interval = `95% interval ${change(low)} to ${change(high)}`;
  if (low > 0) return `The galleries raise conversion: visitors shown them convert ${percent(holdout.lift)} more than the holdout (${interval}).`;
  if (high < 0) return `Visitors shown galleries convert less than the holdout (${lift}; ${interval}).`;
  return `No clear effect yet: ${lift} against the holdout, but the ${interval} includes zero. Keep collecting.`;
}
