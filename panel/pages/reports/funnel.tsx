import type { FunnelStep, ReportOverview } from '../../../shared/report-types.ts';
import { count, percent } from './report-format.ts';

const STEP_LABELS: Record<FunnelStep, string> = {
  impressions: 'Gallery impressions',
  opens: 'Posts opened',
  product_clicks: 'Product clicks',
  add_to_carts: 'Added to cart',
  orders: 'Orders attributed',
};

/** The funnel from impression to order: each step's count, its bar against the first, and what share of the step before went on. */
export function Funnel({ funnel }: { funnel: ReportOverview['funnel'] }) {
  const first = funnel[0]?.count ?? 0;
  return (
    <section class="card" aria-labelledby="funnel-title">
      <h2 id="funnel-title">Funnel</h2>
      <ol class="funnel plain">
        {funnel.map((step, i) => {
          const previous = funnel[i - 1]?.count;
          return (
            <li key={step.step} data-step={step.step}>
              <span class="funnel-label">{STEP_LABELS[step.step] ?? step.step}</span>
              <span class="funnel-bar" aria-hidden="true">
                <span style={{ width: `${first > 0 ? Math.max(0.5, (step.count / first) * 100) : 0}%` }} />
              </span>
              <span class="funnel-count">{count(step.count)}</span>
              <span class="muted funnel-rate">{previous ? `${percent(step.count / previous)} of the step before` : ''}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
