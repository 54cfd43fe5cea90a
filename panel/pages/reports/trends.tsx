/**
 * What collected captions talk about more than in the same number of days before (rising
 * hashtags and words), the top hashtags day by day, and who brings the most approved posts and
 * revenue. Trends cover the whole workspace: the page's gallery filter is not sent (the API
 * refuses it), and the section says so when one is chosen.
 */
import type { TrendsReport, TrendTerm } from '../../../shared/report-types.ts';
import { api } from '../../api.ts';
import { money } from '../../components/money.ts';
import { DataTable, type Column } from '../../components/table.tsx';
import { formatNumber, t } from '../../i18n/i18n.ts';
import { LineChart } from './line-chart.tsx';
import { count } from './report-format.ts';
import { trendsQuery, type ReportFilters } from './report-filters.ts';
import { useLoaded } from './use-loaded.ts';

const TONES = ['tone-1', 'tone-2', 'tone-3', 'tone-4', 'tone-5'];

/** (count + 1) / (previous + 1) as a factor: 2.5 → "×2.5". */
const growth = (factor: number) => `×${formatNumber(factor, { maximumFractionDigits: 1 })}`;

export function Trends({ filters }: { filters: Pick<ReportFilters, 'from' | 'to' | 'galleryId'> }) {
  const query = trendsQuery(filters);
  const trends = useLoaded(query, (signal) => api.reportTrends(query, signal));
  return (
    <section class="card trends" aria-labelledby="trends-title">
      <div class="page-head">
        <h2 id="trends-title">{t('trends.title')}</h2>
        <a class="trends-csv" href={`/admin/reports/trends.csv${query}`} download>
          {t('trends.csv')}
        </a>
      </div>
      {filters.galleryId && <p class="muted">{t('trends.everyGallery')}</p>}
      {trends.error ? (
        <p role="alert">{t('trends.failed', { reason: trends.error })}</p>
      ) : !trends.data ? (
        <p class="muted" aria-busy="true">
          {t('common.loading')}
        </p>
      ) : (
        <TrendsBody report={trends.data} />
      )}
    </section>
  );
}

function TrendsBody({ report }: { report: TrendsReport }) {
  const { posts } = report;
  const rising = report.hashtags.length > 0 || report.words.length > 0;
  return (
    <>
      <p class="muted">
        {t('trends.intro', { current: count(posts.current), previous: count(posts.previous), from: report.range.previousFrom, to: report.range.previousTo })}
        {posts.capped && ` ${t('trends.capped')}`}
      </p>
      {rising ? (
        <>
          <div class="trends-terms">
            <TermTable title={t('trends.hashtags')} terms={report.hashtags} kind="hashtags" />
            <TermTable title={t('trends.words')} terms={report.words} kind="words" />
          </div>
          {report.series.hashtags.length > 0 && (
            <LineChart
              title={t('trends.series')}
              days={report.series.days}
              format={count}
              series={report.series.hashtags.map((hashtag, index) => ({ label: `#${hashtag.term}`, values: hashtag.counts, tone: TONES[index % TONES.length]! }))}
            />
          )}
        </>
      ) : (
        <p class="trends-empty">{t('trends.empty')}</p>
      )}
      <div class="trends-authors">
        <AuthorTable kind="approved" title={t('trends.byApproved')} rows={report.authorsByApprovedPosts} label={t('trends.approvedPosts')} value={(a) => count(a.approvedPosts)} />
        <AuthorTable kind="revenue" title={t('trends.byRevenue')} rows={report.authorsByRevenue} label={t('reports.revenue')} value={(a) => money(a.revenueMinor, report.currency)} />
      </div>
    </>
  );
}

function TermTable({ title, terms, kind }: { title: string; terms: TrendTerm[]; kind: 'hashtags' | 'words' }) {
  return (
    <TrendTable
      id={`trends-${kind}`}
      title={title}
      empty={t('trends.noneRising')}
      rows={terms}
      rowKey={(term) => term.term}
      columns={[
        { label: t('trends.term'), cell: (term) => (kind === 'hashtags' ? `#${term.term}` : term.term) },
        { label: t('trends.posts'), cell: (term) => count(term.count), class: 'num' },
        { label: t('trends.previous'), cell: (term) => count(term.previous), class: 'num' },
        { label: t('trends.growth'), cell: (term) => growth(term.growth), class: 'num' },
      ]}
    />
  );
}

function AuthorTable<T extends { username: string }>({ kind, title, rows, label, value }: { kind: string; title: string; rows: T[]; label: string; value: (row: T) => string }) {
  return (
    <TrendTable
      id={`trends-${kind}`}
      title={title}
      empty={t('trends.noAuthors')}
      rows={rows}
      rowKey={(a) => a.username}
      columns={[
        { label: t('trends.author'), cell: (a) => `@${a.username}` },
        { label, cell: value, class: 'num' },
      ]}
    />
  );
}

/** A titled list of the Trends page: its table, or a line saying it is empty. */
function TrendTable<T>({ id, title, empty, rows, rowKey, columns }: { id: string; title: string; empty: string; rows: T[]; rowKey: (row: T) => string; columns: Column<T>[] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? <p class="muted">{empty}</p> : <DataTable class={id} rows={rows} rowKey={rowKey} columns={columns} />}
    </section>
  );
}
