import { runScript } from '../run-script.ts';
import type { Section } from '../section.ts';

interface Latency {
  p50: number;
  p95: number;
}
interface ReportRun {
  events: number;
  generateEventsPerSecond: number;
  overview: Latency;
  overview90: Latency;
  top: Latency;
}

/** Event ingest over HTTP on the embedded database, then report latency at 100k and 1M events. */
export const tracking: Section = async () => {
  const ingest = runScript('./tracking-ingest.ts', ['12000', '64']) as { eventsPerSecond: number; p95Ms: number; exactlyOnce: boolean; acknowledged: number; requests: number };
  const reports = runScript('./tracking-reports.ts', ['100000', '1000000']) as Record<string, ReportRun>;
  const small = reports['100000']!;
  const large = reports['1000000']!;
  return {
    results: {
      tracking_ingest_events_per_s: ingest.eventsPerSecond,
      tracking_ingest_p95_ms: ingest.p95Ms,
      tracking_ingest_exactly_once: ingest.exactlyOnce ? 1 : 0,
      tracking_overview_100k_p50_ms: small.overview.p50,
      tracking_overview_100k_p95_ms: small.overview.p95,
      tracking_top_100k_p95_ms: small.top.p95,
      tracking_overview_1m_p50_ms: large.overview.p50,
      tracking_overview_1m_p95_ms: large.overview.p95,
      tracking_overview_90d_1m_p95_ms: large.overview90.p95,
      tracking_top_1m_p50_ms: large.top.p50,
      tracking_top_1m_p95_ms: large.top.p95,
      tracking_history_events_per_s: large.generateEventsPerSecond,
    },
    targets: {
      tracking_ingest_events_per_s: '≥ 10,000',
      tracking_ingest_exactly_once: '1',
      tracking_overview_1m_p95_ms: `< 100 and < 2 × 100k (${(2 * small.overview.p95).toFixed(1)})`,
      tracking_top_1m_p95_ms: `< 100 and < 2 × 100k (${(2 * small.top.p95).toFixed(1)})`,
    },
    notes: [
      `Tracking ingest: ${ingest.requests.toLocaleString('en')} batches of 10 events (impressions naming the 12 posts on show, as the widget sends them) from 6,000 visitors and many addresses, 64 at a time over HTTP on loopback to the real server (group commits, libSQL file in WAL mode) in its own process; then every acknowledged event was checked stored once (count and rollups), and 1,000 acknowledged batches were replayed without adding anything.`,
      'Tracking reports: a 90-day history (scripts/generate-history.ts model: visitors with page views, opens, clicks, add-to-cart, purchases, a 10% holdout) written through the ingest service, then 100 requests each of the last-30-days overview, the 90-day overview and the top posts, in-process through session, CSRF and role middleware; first at 100k events, then at 1M in the same workspace.',
    ],
  };
};
