import type { ExportDimension } from '../../../shared/report-types.ts';
import type { Db } from '../../db/client.ts';
import { csvLine as line } from '../../lib/csv.ts';
import { dailySeries } from './overview.ts';
import type { ReportQuery } from './query.ts';
import { reportTop } from './top.ts';

const COUNTERS = ['impressions', 'opens', 'productClicks', 'addToCarts', 'orders', 'revenueMinor', 'assistedOrders', 'assistedRevenueMinor'] as const;
const HEADERS = ['impressions', 'opens', 'product_clicks', 'add_to_carts', 'orders', 'revenue_minor', 'assisted_orders', 'assisted_revenue_minor'];

/** The report as CSV: one row per day, or per post, product or gallery (up to 10,000 rows). */
export async function reportCsv(db: Db, q: ReportQuery, dimension: ExportDimension, currency: string, mediaUrl: (key: string) => string): Promise<string> {
  if (dimension === 'day') {
    const series = await dailySeries(db, q);
    return [line(['day', ...HEADERS, 'currency']), ...series.map((p) => line([p.day, ...COUNTERS.map((k) => p[k]), currency]))].join('\r\n') + '\r\n';
  }
  const rows = await reportTop(db, q, dimension, 10_000, mediaUrl);
  return [line(['id', 'label', ...HEADERS, 'currency']), ...rows.map((r) => line([r.id, r.label, ...COUNTERS.map((k) => r[k]), currency]))].join('\r\n') + '\r\n';
}
