import type { FunnelStep, ReportOverview } from '../../../shared/report-types.ts';
import { count, percent } from './report-format.ts';
import { t } from '../../i18n/i18n.ts';

const STEPS: readonly FunnelStep[] = ['impressions', 'opens', 'product_clicks', 'add_to_carts', 'orders'];
const stepLabel = (step: FunnelStep): string => (STEPS.includes(step) ? t(`funnel.${step}`) : step);

/** The funnel from impression to order: each step's count, its bar against the first, and what share of the step before went on. */
export function Funnel({ funnel }: { funnel: ReportOverview['funnel'] }) {
  const first = funnel[0]?.count ?? 0;
  return (
    <section class="card" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('funnel.title')}</h2>
      <ol class="funnel plain">
        {funnel.map((step, i) => {
          const previous = funnel[i - 1]?.count;
          return (
            <li key={step.step} data-step={step.step}>
              <span class="funnel-label">{stepLabel(step.step)}</span>
              <span class="funnel-bar" aria-hidden="true">
                <span style={{ width: `${first > 0 ? Math.max(0.5, (step.count / first) * 100) : 0}%` }} />
              </span>
              <span class="funnel-count">{count(step.count)}</span>
              <span class="muted funnel-rate">{previous ? t('funnel.ofBefore', { rate: percent(step.count / previous) }) : ''}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
