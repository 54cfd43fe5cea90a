import type { ReportTopRow, TopDimension } from '../../../shared/report-types.ts';
import { DataTable, type Column } from '../../components/table.tsx';
import { money } from '../../components/money.ts';
import { count } from './report-format.ts';

export const TOP_LABELS: Record<TopDimension, string> = { post: 'Posts', product: 'Products', gallery: 'Galleries' };

/** The posts, products or galleries that sold the most, by attributed revenue (the API's order). Labels are text. */
export function TopList({ rows, dimension, currency }: { rows: ReportTopRow[]; dimension: TopDimension; currency: string }) {
  const columns: Column<ReportTopRow>[] = [
    {
      label: dimension === 'post' ? 'Post' : dimension === 'product' ? 'Product' : 'Gallery',
      cell: (row) => (
        <span class="top-label" data-id={row.id}>
          {row.imageUrl && <img src={row.imageUrl} alt="" width={40} height={40} loading="lazy" />}
          <span>{row.label}</span>
        </span>
      ),
    },
    { label: 'Revenue attributed', cell: (row) => money(row.revenueMinor, currency), class: 'num' },
    { label: 'Orders', cell: (row) => count(row.orders), class: 'num' },
    { label: 'Assisted', cell: (row) => `${count(row.assistedOrders)} · ${money(row.assistedRevenueMinor, currency)}`, class: 'num' },
    { label: 'Impressions', cell: (row) => count(row.impressions), class: 'num' },
    { label: 'Opens', cell: (row) => count(row.opens), class: 'num' },
    { label: 'Clicks', cell: (row) => count(row.productClicks), class: 'num' },
    { label: 'Add to cart', cell: (row) => count(row.addToCarts), class: 'num' },
  ];
  if (rows.length === 0) return <p class="muted">Nothing sold through UGC in this range yet.</p>;
  return <DataTable class={`top-table top-${dimension}`} rows={rows} columns={columns} rowKey={(row) => row.id} />;
}
