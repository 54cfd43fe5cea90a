/** How the reports say numbers, rates and the holdout's result, in the panel's language. */
import type { HoldoutReport } from '../../../shared/report-types.ts';
import { t, formatNumber } from '../../i18n/i18n.ts';

export const count = (n: number) => formatNumber(n);

/** 0.1234 → "12.3%". */
export const percent = (rate: number, digits = 1) => formatNumber(rate, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A signed change: 0.12 → "+12.0%", -0.05 → "−5.0%". */
export const change = (rate: number) => `${rate >= 0 ? '+' : '−'}${percent(Math.abs(rate))}`;

/**
 * The holdout's result in a sentence an analyst can repeat: whether the galleries raise the
 * conversion rate of the visitors who see them, and how sure the 95% interval lets us be.
 */
export function liftReading(holdout: HoldoutReport): string {
  if (holdout.share === 0 && holdout.holdoutVisitors === 0) {
    return t('lift.none');
  }
  if (holdout.lift === null) {
    return t('lift.notYet');
  }
  const lift = change(holdout.lift);
  if (!holdout.ci95) return t('lift.noInterval', { lift });
  const [low, high] = holdout.ci95;
  const interval = t('lift.interval', { low: change(low), high: change(high) });
  if (low > 0) return t('lift.raises', { lift: percent(holdout.lift), interval });
  if (high < 0) return t('lift.lowers', { lift, interval });
  return t('lift.unclear', { lift, interval });
}
