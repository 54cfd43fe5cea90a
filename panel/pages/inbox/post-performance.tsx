import type { PostPerformance } from '../../../shared/report-types.ts';
import { t, formatNumber } from '../../i18n/i18n.ts';

// PostPerformance carries no currency (the inbox has none to give it): revenue is shown as the
// amount in major units of the store's currency, assuming two decimals.
const amount = (n: number) => formatNumber(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plural = (n: number, word: 'views' | 'opens' | 'orders') => t(`performance.${word}.${n === 1 ? 'one' : 'other'}`, { count: formatNumber(n, { notation: 'compact' }) });

/** What the post did over the last 30 days, in one short line; nothing when nothing was tracked. */
export function PostPerformanceLine({ performance }: { performance: PostPerformance | null }) {
  if (!performance) return null;
  const { impressions, opens, orders, revenueMinor } = performance;
  const text = `${plural(impressions, 'views')} · ${plural(opens, 'opens')} · ${plural(orders, 'orders')}${revenueMinor > 0 ? ` · ${t('performance.sold', { amount: amount(revenueMinor / 100) })}` : ''}`;
  return (
    <span class="performance" title={`${t('performance.last30')} ${text}`} data-performance>
      <span class="visually-hidden">{t('performance.last30')} </span>
      {text}
    </span>
  );
}
