import type { ReportTopRow, TopDimension } from '../../../shared/report-types.ts';
import { DataTable, type Column } from '../../components/table.tsx';
import { money } from '../../components/money.ts';
import { count } from './report-format.ts';
import { t } from '../../i18n/i18n.ts';

export const TOP_DIMENSIONS: readonly TopDimension[] = ['post', 'product', 'gallery'];
const TOP_LABELS = { post: 'top.posts', product: 'top.products', gallery: 'top.galleries' } as const;
export const topLabel = (dimension: TopDimension): string => t(TOP_LABELS[dimension]);

/** The posts, products or galleries that sold the most, by attributed revenue (the API's order). Labels are text. */
export function TopList({ rows, dimension, currency }: { rows: ReportTopRow[]; dimension: TopDimension; currency: string }) {
  const columns: Column<ReportTopRow>[] = [
    {
      label: t(`top.${dimension}`),
      cell: (row) => (
        <span class="top-label" data-id={row.id}>
          {row.imageUrl && <img src={row.imageUrl} alt="" width={40} height={40} loading="lazy" />}
          <span>{row.label}</span>
        </span>
      ),
    },
    { label: t('top.revenue'), cell: (row) => money(row.revenueMinor, currency), class: 'num' },
    { label: t('top.orders'), cell: (row) => count(row.orders), class: 'num' },
    { label: t('top.assisted'), cell: (row) => `${count(row.assistedOrders)} · ${money(row.assistedRevenueMinor, currency)}`, class: 'num' },
    { label: t('top.impressions'), cell: (row) => count(row.impressions), class: 'num' },
    { label: t('top.opens'), cell: (row) => count(row.opens), class: 'num' },
    { label: t('top.clicks'), cell: (row) => count(row.productClicks), class: 'num' },
    { label: t('top.addToCart'), cell: (row) => count(row.addToCarts), class: 'num' },
  ];
  if (rows.length === 0) return <p class="muted">{t('top.none')}</p>;
  return <DataTable class={`top-table top-${dimension}`} rows={rows} columns={columns} rowKey={(row) => row.id} />;
}
