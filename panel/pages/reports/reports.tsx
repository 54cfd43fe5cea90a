/**
 * The Reports page (owners and analysts): what the UGC did over a range of days, for every
 * gallery or one, with the holdout's lift, daily charts, the funnel and the top sellers. The
 * filters live in the URL; CSV exports are plain links to the API. Loaded on demand (lazy.tsx).
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { AdminGallery } from '../../../shared/admin-types.ts';
import type { ExportDimension, ReportOverview, TopDimension } from '../../../shared/report-types.ts';
import { api, messageOf } from '../../api.ts';
import { $router } from '../../stores/router.ts';
import { Funnel } from './funnel.tsx';
import { LineChart } from './line-chart.tsx';
import { OverviewCards } from './overview-cards.tsx';
import { money } from '../../components/money.ts';
import { count } from './report-format.ts';
import { daysOf, filtersFromSearch, lastDays, rangeDays, reportQuery, searchOf, type ReportFilters } from './report-filters.ts';
import { TopList, TOP_LABELS } from './top-list.tsx';
import { now } from '../../clock.ts';

const PRESETS = [7, 30, 90];
const EXPORTS: Record<ExportDimension, string> = { day: 'by day', post: 'by post', product: 'by product', gallery: 'by gallery' };

/** Loads what `load` answers whenever `key` changes, dropping answers that came back too late. */
function useLoaded<T>(key: string, load: (signal: AbortSignal) => Promise<T>): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ key: string; data: T | null; error: string | null }>({ key: '', data: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ key, data, error: null }),
      (error: unknown) => !controller.signal.aborted && setState({ key, data: null, error: messageOf(error) }),
    );
    return () => controller.abort();
  }, [key]);
  return state.key === key ? state : { data: null, error: null };
}

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
        <h1 id="reports-title">Reports</h1>
        <p class="muted">
          What shoppers did with your galleries and what it sold, {filters.from} to {filters.to} (UTC).
        </p>
      </div>
      <form class="filters report-filters" onSubmit={(event) => event.preventDefault()} aria-label="Report filters">
        <label>
          From
          <input type="date" name="from" value={filters.from} max={filters.to} required onChange={(e) => go({ from: e.currentTarget.value || filters.from })} />
        </label>
        <label>
          To
          <input type="date" name="to" value={filters.to} min={filters.from} required onChange={(e) => go({ to: e.currentTarget.value || filters.to })} />
        </label>
        <span class="presets" role="group" aria-label="Last days">
          {PRESETS.map((days) => {
            const range = lastDays(days, now());
            const current = range.from === filters.from && range.to === filters.to;
            return (
              <button type="button" key={days} aria-pressed={current} onClick={() => go(range)}>
                {days} days
              </button>
            );
          })}
        </span>
        <label>
          Gallery
          <select name="galleryId" value={filters.galleryId} onChange={(e) => go({ galleryId: e.currentTarget.value })}>
            <option value="">All galleries</option>
            {galleries.map((gallery) => (
              <option key={gallery.id} value={gallery.id}>
                {gallery.name}
              </option>
            ))}
          </select>
        </label>
        <span class="exports">
          Export CSV:{' '}
          {(Object.keys(EXPORTS) as ExportDimension[]).map((dimension) => (
            <a key={dimension} href={`/admin/reports/export.csv${reportQuery(filters, { dimension })}`} download>
              {EXPORTS[dimension]}
            </a>
          ))}
        </span>
      </form>

      {overview.error ? (
        <p role="alert">The report could not be loaded: {overview.error}</p>
      ) : !overview.data ? (
        <p class="muted" aria-busy="true">
          Loading the report…
        </p>
      ) : (
        <Overview overview={overview.data} filters={filters} />
      )}

      <section class="card" aria-labelledby="top-title">
        <div class="page-head">
          <h2 id="top-title">Top {TOP_LABELS[filters.top].toLowerCase()} by attributed revenue</h2>
          <span class="tabs" role="group" aria-label="Top list of">
            {(Object.keys(TOP_LABELS) as TopDimension[]).map((dimension) => (
              <button type="button" key={dimension} aria-pressed={dimension === filters.top} onClick={() => go({ top: dimension })}>
                {TOP_LABELS[dimension]}
              </button>
            ))}
          </span>
        </div>
        {top.error ? (
          <p role="alert">The list could not be loaded: {top.error}</p>
        ) : !top.data || !overview.data ? (
          <p class="muted">Loading…</p>
        ) : (
          <TopList rows={top.data.rows} dimension={filters.top} currency={overview.data.currency} />
        )}
      </section>
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
          title={`Gallery activity, ${rangeDays(filters)} days`}
          days={days}
          format={count}
          series={[
            { label: 'Impressions', values: daily('impressions'), tone: 'tone-1' },
            { label: 'Posts opened', values: daily('opens'), tone: 'tone-2' },
            { label: 'Product clicks', values: daily('productClicks'), tone: 'tone-3' },
            { label: 'Added to cart', values: daily('addToCarts'), tone: 'tone-4' },
          ]}
        />
        <LineChart title="Orders" days={days} format={count} series={[{ label: 'Orders', values: daily('orders'), tone: 'tone-2' }]} />
        <LineChart
          title="Revenue"
          days={days}
          format={(minor) => money(minor, overview.currency)}
          series={[{ label: 'Revenue', values: daily('revenueMinor'), tone: 'tone-1' }]}
        />
      </div>
      <Funnel funnel={overview.funnel} />
    </>
  );
}
