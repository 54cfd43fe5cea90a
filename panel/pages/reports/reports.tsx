/**
 * The Reports page (owners and analysts): what the UGC did over a range of days, for every
 * gallery or one, with the holdout's lift, daily charts, the funnel and the top sellers. The
 * filters live in the URL; CSV exports are plain links to the API. Loaded on demand (lazy.tsx).
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { AdminGallery } from '../../../shared/admin-types.ts';
import type { ExportDimension, ReportOverview, TopDimension } from '../../../shared/report-types.ts';
import { api } from '../../api.ts';
import { $router } from '../../stores/router.ts';
import { Funnel } from './funnel.tsx';
import { LineChart } from './line-chart.tsx';
import { OverviewCards } from './overview-cards.tsx';
import { money } from '../../components/money.ts';
import { count } from './report-format.ts';
import { daysOf, filtersFromSearch, lastDays, rangeDays, reportQuery, searchOf, type ReportFilters } from './report-filters.ts';
import { TOP_DIMENSIONS, TopList, topLabel } from './top-list.tsx';
import { Trends } from './trends.tsx';
import { useLoaded } from './use-loaded.ts';
import { now } from '../../clock.ts';
import { t } from '../../i18n/i18n.ts';

const PRESETS = [7, 30, 90];
const EXPORTS: readonly ExportDimension[] = ['day', 'post', 'product', 'gallery'];

export function ReportsPage() {
  const page = useStore($router);
  const filters = filtersFromSearch(page?.search ?? {}, now());
  const go = (change: Partial<ReportFilters>) => {
    $router.open(`/panel/reports?${new URLSearchParams(searchOf({ ...filters, ...change }))}`);
  };
  const [galleries, setGalleries] = useState<AdminGallery[]>([]);
  useEffect(() => {
    api.galleries().then(({ galleries }) => setGalleries(galleries), () => setGalleries([]));
  }, []);
  const query = reportQuery(filters);
  const overview = useLoaded(query, (signal) => api.reportOverview(query, signal));
  const topQuery = reportQuery(filters, { dimension: filters.top, limit: 10 });
  const top = useLoaded(topQuery, (signal) => api.reportTop(topQuery, signal));

  return (
    <section class="page reports" aria-labelledby="reports-title">
      <div class="page-head">
        <h1 id="reports-title">{t('nav.reports')}</h1>
        <p class="muted">
          {t('reports.intro', { from: filters.from, to: filters.to })}
        </p>
      </div>
      <form class="filters report-filters" onSubmit={(event) => event.preventDefault()} aria-label={t('reports.filters')}>
        <label>
          {t('inbox.from')}
          <input type="date" name="from" value={filters.from} max={filters.to} required onChange={(e) => go({ from: e.currentTarget.value || filters.from })} />
        </label>
        <label>
          {t('inbox.to')}
          <input type="date" name="to" value={filters.to} min={filters.from} required onChange={(e) => go({ to: e.currentTarget.value || filters.to })} />
        </label>
        <span class="presets" role="group" aria-label={t('reports.lastDays')}>
          {PRESETS.map((days) => {
            const range = lastDays(days, now());
            const current = range.from === filters.from && range.to === filters.to;
            return (
              <button type="button" key={days} aria-pressed={current} onClick={() => go(range)}>
                {t('reports.days', { days })}
              </button>
            );
          })}
        </span>
        <label>
          {t('top.gallery')}
          <select name="galleryId" value={filters.galleryId} onChange={(e) => go({ galleryId: e.currentTarget.value })}>
            <option value="">{t('reports.allGalleries')}</option>
            {galleries.map((gallery) => (
              <option key={gallery.id} value={gallery.id}>
                {gallery.name}
              </option>
            ))}
          </select>
        </label>
        <span class="exports">
          {t('reports.export')}{' '}
          {EXPORTS.map((dimension) => (
            <a key={dimension} href={`/admin/reports/export.csv${reportQuery(filters, { dimension })}`} download>
              {t(`reports.by.${dimension}`)}
            </a>
          ))}
        </span>
      </form>

      {overview.error ? (
        <p role="alert">{t('reports.failed', { reason: overview.error })}</p>
      ) : !overview.data ? (
        <p class="muted" aria-busy="true">
          {t('reports.loading')}
        </p>
      ) : (
        <Overview overview={overview.data} filters={filters} />
      )}

      <section class="card" aria-labelledby="top-title">
        <div class="page-head">
          <h2 id="top-title">{t('reports.top', { what: topLabel(filters.top).toLowerCase() })}</h2>
          <span class="tabs" role="group" aria-label={t('reports.topOf')}>
            {TOP_DIMENSIONS.map((dimension) => (
              <button type="button" key={dimension} aria-pressed={dimension === filters.top} onClick={() => go({ top: dimension })}>
                {topLabel(dimension)}
              </button>
            ))}
          </span>
        </div>
        {top.error ? (
          <p role="alert">{t('reports.listFailed', { reason: top.error })}</p>
        ) : !top.data || !overview.data ? (
          <p class="muted">{t('common.loading')}</p>
        ) : (
          <TopList rows={top.data.rows} dimension={filters.top} currency={overview.data.currency} />
        )}
      </section>

      <Trends filters={filters} />
    </section>
  );
}

function Overview({ overview, filters }: { overview: ReportOverview; filters: ReportFilters }) {
  const days = daysOf(filters);
  const byDay = new Map(overview.series.map((point) => [point.day, point]));
  const daily = (field: 'impressions' | 'opens' | 'productClicks' | 'addToCarts' | 'orders' | 'revenueMinor') => days.map((day) => byDay.get(day)?.[field] ?? 0);
  return (
    <>
      <OverviewCards overview={overview} />
      <div class="charts">
        <LineChart
          title={t('reports.activity', { days: rangeDays(filters) })}
          days={days}
          format={count}
          series={[
            { label: t('top.impressions'), values: daily('impressions'), tone: 'tone-1' },
            { label: t('funnel.opens'), values: daily('opens'), tone: 'tone-2' },
            { label: t('cards.clicks'), values: daily('productClicks'), tone: 'tone-3' },
            { label: t('cards.addedToCart'), values: daily('addToCarts'), tone: 'tone-4' },
          ]}
        />
        <LineChart title={t('top.orders')} days={days} format={count} series={[{ label: t('top.orders'), values: daily('orders'), tone: 'tone-2' }]} />
        <LineChart
          title={t('reports.revenue')}
          days={days}
          format={(minor) => money(minor, overview.currency)}
          series={[{ label: t('reports.revenue'), values: daily('revenueMinor'), tone: 'tone-1' }]}
        />
      </div>
      <Funnel funnel={overview.funnel} />
    </>
  );
}
