import { Hono, type Context } from 'hono';
import type { ExportDimension, TopDimension } from '../../../shared/report-types.ts';
import type { AppEnv } from '../../http/env.ts';
import { invalidParameter } from '../../domain/errors.ts';
import { intParam } from '../../http/query.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { requireRole } from '../../middleware/require-role/index.ts';
import { reportCsv } from '../../domain/reports/export.ts';
import { catalogCurrency, reportOverview } from '../../domain/reports/overview.ts';
import type { ReportQuery } from '../../domain/reports/query.ts';
import { reportTop } from '../../domain/reports/top.ts';
import { trendsCsv } from '../../domain/trends/trends-csv.ts';
import { workspaceTrends } from '../../domain/trends/trends.ts';
import { utcDay } from '../../domain/tracking/days.ts';
import { trackingSettings, type TrackingSettings } from '../../domain/tracking/settings.ts';
import { mediaUrlBuilder } from '../public/media-url.ts';

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GALLERY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_DAYS = 400;

function dayParam(raw: string | undefined, name: string, fallback: string): string {
  if (raw === undefined || raw === '') return fallback;
  if (!DATE.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) || utcDay(Date.parse(`${raw}T00:00:00Z`)) !== raw) {
    throw invalidParameter(name, 'must be a date YYYY-MM-DD');
  }
  return raw;
}

/** `from`, `to` (inclusive UTC days; default the last 30) and `galleryId`, validated, with the workspace's tracking settings. */
async function reportQuery(c: Context<AppEnv>): Promise<{ q: ReportQuery; settings: TrackingSettings }> {
  const today = utcDay(c.var.clock.now());
  const to = dayParam(c.req.query('to'), 'to', today);
  const from = dayParam(c.req.query('from'), 'from', utcDay(Date.parse(`${to}T00:00:00Z`) - 29 * DAY));
  if (from > to) throw invalidParameter('from', 'must not be after to');
  if ((Date.parse(to) - Date.parse(from)) / DAY + 1 > MAX_DAYS) throw invalidParameter('from', `the range may span at most ${MAX_DAYS} days`);
  const galleryId = c.req.query('galleryId') || null;
  if (galleryId !== null && !GALLERY_ID.test(galleryId)) throw invalidParameter('galleryId', 'must be a gallery id');
  const workspaceId = requireSession(c).workspaceId;
  const settings = (await trackingSettings(c.var.db, workspaceId))!;
  return { q: { workspaceId, from, to, galleryId, confirmedOnly: settings.confirmedOrdersOnly }, settings };
}

function dimensionParam<T extends string>(raw: string | undefined, allowed: readonly T[]): T {
  if (!allowed.includes(raw as T)) throw invalidParameter('dimension', `must be one of ${allowed.join(', ')}`);
  return raw as T;
}

/** Trends read captions of the whole workspace: a gallery filter would pretend otherwise. */
async function trendsOf(c: Context<AppEnv>) {
  if (c.req.query('galleryId')) throw invalidParameter('galleryId', 'trends cover the whole workspace; leave galleryId out');
  const { q } = await reportQuery(c);
  return workspaceTrends(c.var.db, q, await catalogCurrency(c.var.db, q.workspaceId));
}

const adminMediaUrl = (requestUrl: string) => mediaUrlBuilder(`${new URL(requestUrl).origin}/admin`);

/** Reports read the rollups; owners and analysts see them (merchandisers see per-post performance in the inbox). */
export const reportRoutes = new Hono<AppEnv>()
  .use(requireRole('owner', 'analyst'))
  .get('/overview', async (c) => {
    const { q, settings } = await reportQuery(c);
    return c.json(await reportOverview(c.var.db, settings, q, await catalogCurrency(c.var.db, q.workspaceId), c.var.clock.now()));
  })
  .get('/top', async (c) => {
    const { q } = await reportQuery(c);
    const dimension = dimensionParam<TopDimension>(c.req.query('dimension') ?? 'post', ['post', 'product', 'gallery']);
    const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 100, fallback: 10 });
    return c.json({ rows: await reportTop(c.var.db, q, dimension, limit, adminMediaUrl(c.req.url)) });
  })
  .get('/trends', async (c) => c.json(await trendsOf(c)))
  .get('/trends.csv', async (c) => {
    const report = await trendsOf(c);
    c.header('Content-Type', 'text/csv; charset=UTF-8');
    c.header('Content-Disposition', `attachment; filename="vitrine-trends-${report.range.from}-${report.range.to}.csv"`);
    return c.body(trendsCsv(report));
  })
  .get('/export.csv', async (c) => {
    const { q } = await reportQuery(c);
    const dimension = dimensionParam<ExportDimension>(c.req.query('dimension') ?? 'day', ['day', 'post', 'product', 'gallery']);
    const csv = await reportCsv(c.var.db, q, dimension, await catalogCurrency(c.var.db, q.workspaceId), adminMediaUrl(c.req.url));
    c.header('Content-Type', 'text/csv; charset=UTF-8');
    c.header('Content-Disposition', `attachment; filename="vitrine-${dimension}-${q.from}-${q.to}.csv"`);
    return c.body(csv);
  });
