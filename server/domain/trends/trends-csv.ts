import type { TrendsReport } from '../../../shared/report-types.ts';
import { csvLine } from '../../lib/csv.ts';

/** The Trends page as one CSV: a `section` column says which list each row belongs to. */
export function trendsCsv(report: TrendsReport): string {
  const rows: (string | number | null)[][] = [['section', 'name', 'posts', 'previous_posts', 'growth', 'revenue_minor', 'currency']];
  for (const t of report.hashtags) rows.push(['rising_hashtag', `#${t.term}`, t.count, t.previous, t.growth, null, null]);
  for (const t of report.words) rows.push(['rising_word', t.term, t.count, t.previous, t.growth, null, null]);
  for (const a of report.authorsByApprovedPosts) rows.push(['author_by_approved_posts', a.username, a.approvedPosts, null, null, null, null]);
  for (const a of report.authorsByRevenue) rows.push(['author_by_revenue', a.username, null, null, null, a.revenueMinor, report.currency]);
  return rows.map(csvLine).join('\r\n') + '\r\n';
}
