import type { PostPerformance } from '../../../shared/report-types.ts';

const counts = new Intl.NumberFormat('en', { notation: 'compact' });
// PostPerformance carries no currency (the inbox has none to give it): revenue is shown as the
// amount in major units of the store's currency, assuming two decimals.
const amount = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plural = (n: number, word: string) => `${counts.format(n)} ${word}${n === 1 ? '' : 's'}`;

/** What the post did over the last 30 days, in one short line; nothing when nothing was tracked. */
export function PostPerformanceLine({ performance }: { performance: PostPerformance | null }) {
  if (!performance) return null;
  const { impressions, opens, orders, revenueMinor } = performance;
  const text = `${plural(impressions, 'view')} · ${plural(opens, 'open')} · ${plural(orders, 'order')}${revenueMinor > 0 ? ` · ${amount.format(revenueMinor / 100)} sold` : ''}`;
  return (
    <span class="performance" title={`Last 30 days: ${text}`} data-performance>
      <span class="visually-hidden">Last 30 days: </span>
      {text}
    </span>
  );
}
