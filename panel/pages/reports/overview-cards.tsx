import type { ReportOverview } from '../../../shared/report-types.ts';
import { money } from '../../components/money.ts';
import { change, count, counted, liftReading, percent } from './report-format.ts';

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
  const consenting = ' (visitors with consent)';
  const reported = `${money(provenance.browserReportedRevenueMinor, currency)} in ${counted(provenance.browserReportedOrders, 'order', 'orders')} only a browser reported`;
  return (
    <>
      <dl class="metrics">
        <Card name="impressions" label="Impressions" value={count(totals.impressions)} detail={`${counted(totals.visitors, 'visitor', 'visitors')} with consent`} />
        <Card name="engagement" label={`Engagement rate${consenting}`} value={percent(totals.engagementRate)} detail={`${count(totals.engagedVisitors)} opened a post or clicked a product`} />
        <Card name="clicks" label="Product clicks" value={count(totals.productClicks)} detail={`${counted(totals.opens, 'post', 'posts')} opened`} />
        <Card name="add-to-cart" label="Added to cart" value={count(totals.addToCarts)} />
        <Card name="orders" label="Orders" value={count(totals.orders)} detail={`${money(totals.revenueMinor, currency)} in all`} />
        <Card
          name="attributed"
          label={`Revenue attributed${consenting}`}
          value={money(totals.attributedRevenueMinor, currency)}
          detail={`${counted(totals.attributedOrders, 'order', 'orders')} last touched by UGC; ${money(totals.assistedRevenueMinor, currency)} assisted`}
        />
        <Card
          name="provenance"
          label="Revenue confirmed by your server"
          value={money(provenance.confirmedRevenueMinor, currency)}
          detail={`${counted(provenance.confirmedOrders, 'order', 'orders')}; ${reported}${provenance.confirmedOnly ? ', left out of these figures' : ''}`}
        />
        <Card
          name="conversion"
          label={`Conversion, engaged vs not${consenting}`}
          value={`${percent(totals.conversionRateEngaged, 2)} vs ${percent(totals.conversionRateNotEngaged, 2)}`}
          detail="of visitors who engaged with UGC, and of those who only saw it"
        />
        <Card
          name="lift"
          label={`Holdout lift${consenting}`}
          value={holdout.lift === null ? '—' : change(holdout.lift)}
          detail={holdout.ci95 ? `95% interval ${change(holdout.ci95[0])} to ${change(holdout.ci95[1])}` : undefined}
        />
      </dl>
      <p class="card muted" data-consent-share>
        <strong>Consent: </strong>
        {consent.share === null ? 'no impressions in this range yet.' : `${percent(consent.share, 0)} of impressions came from visitors who consented to analytics.`}{' '}
        Impressions, opens, product clicks and adds to cart count every visit (aggregate only, no visitor id); visitors, engagement, conversion,
        attribution and the holdout lift are computed on consenting visitors only.
      </p>
      <p class="lift-reading card" data-holdout>
        <strong>Holdout: </strong>
        {liftReading(holdout)}{' '}
        <span class="muted">
          {counted(holdout.exposedVisitors, 'visitor', 'visitors')} shown galleries converted at {percent(holdout.exposedConversionRate, 2)};{' '}
          {count(holdout.holdoutVisitors)} held out ({percent(holdout.share, 0)} of visitors) at {percent(holdout.holdoutConversionRate, 2)}.
        </span>
      </p>
    </>
  );
}
