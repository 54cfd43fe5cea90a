import type { ReportOverview } from '../../../shared/report-types.ts';
import { money } from '../../components/money.ts';
import { change, count, liftReading, percent } from './report-format.ts';
import { t, tn } from '../../i18n/i18n.ts';

function Card({ label, value, detail, name }: { label: string; value: string; detail?: string; name: string }) {
  return (
    <div class="metric card" data-metric={name}>
      <dt>{label}</dt>
      <dd>
        <strong class="metric-value">{value}</strong>
        {detail && <span class="muted metric-detail">{detail}</span>}
      </dd>
    </div>
  );
}

/** The overview's headline numbers, then the holdout's verdict in a sentence. */
export function OverviewCards({ overview }: { overview: ReportOverview }) {
  const { totals, holdout, currency, provenance, consent } = overview;
  const consenting = t('cards.consenting');
  const reported = t('cards.reported', { amount: money(provenance.browserReportedRevenueMinor, currency), orders: tn('cards.orders', provenance.browserReportedOrders) });
  return (
    <>
      <dl class="metrics">
        <Card name="impressions" label={t('top.impressions')} value={count(totals.impressions)} detail={tn('cards.visitorsWithConsent', totals.visitors)} />
        <Card name="engagement" label={`${t('cards.engagement')}${consenting}`} value={percent(totals.engagementRate)} detail={t('cards.engaged', { count: count(totals.engagedVisitors) })} />
        <Card name="clicks" label={t('cards.clicks')} value={count(totals.productClicks)} detail={tn('cards.postsOpened', totals.opens)} />
        <Card name="add-to-cart" label={t('cards.addedToCart')} value={count(totals.addToCarts)} />
        <Card name="orders" label={t('top.orders')} value={count(totals.orders)} detail={t('cards.inAll', { amount: money(totals.revenueMinor, currency) })} />
        <Card
          name="attributed"
          label={`${t('top.revenue')}${consenting}`}
          value={money(totals.attributedRevenueMinor, currency)}
          detail={t('cards.attributed', { orders: tn('cards.orders', totals.attributedOrders), assisted: money(totals.assistedRevenueMinor, currency) })}
        />
        <Card
          name="provenance"
          label={t('cards.confirmed')}
          value={money(provenance.confirmedRevenueMinor, currency)}
          detail={`${tn('cards.orders', provenance.confirmedOrders)}; ${reported}${provenance.confirmedOnly ? t('cards.leftOut') : ''}`}
        />
        <Card
          name="conversion"
          label={`${t('cards.conversion')}${consenting}`}
          value={t('cards.vs', { a: percent(totals.conversionRateEngaged, 2), b: percent(totals.conversionRateNotEngaged, 2) })}
          detail={t('cards.conversionDetail')}
        />
        <Card
          name="lift"
          label={`${t('cards.lift')}${consenting}`}
          value={holdout.lift === null ? '—' : change(holdout.lift)}
          detail={holdout.ci95 ? t('lift.interval', { low: change(holdout.ci95[0]), high: change(holdout.ci95[1]) }) : undefined}
        />
      </dl>
      <p class="card muted" data-consent-share>
        <strong>{t('cards.consent')} </strong>
        {consent.share === null ? t('cards.noImpressions') : t('cards.consentShare', { share: percent(consent.share, 0) })} {t('cards.consentHelp')}
      </p>
      <p class="lift-reading card" data-holdout>
        <strong>{t('cards.holdout')} </strong>
        {liftReading(holdout)}{' '}
        <span class="muted">
          {t('cards.holdoutDetail', {
            exposed: tn('cards.visitors', holdout.exposedVisitors),
            exposedRate: percent(holdout.exposedConversionRate, 2),
            held: count(holdout.holdoutVisitors),
            share: percent(holdout.share, 0),
            heldRate: percent(holdout.holdoutConversionRate, 2),
          })}
        </span>
      </p>
    </>
  );
}
