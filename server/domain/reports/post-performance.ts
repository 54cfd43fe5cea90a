import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { PostPerformance } from '../../../shared/report-types.ts';
import { inChunks, type Db } from '../../db/client.ts';
import { dailyRollups } from '../../db/schema.ts';
import { utcDay } from '../tracking/days.ts';
import { trackingSettings } from '../tracking/settings.ts';
import { orderCounters } from './order-counters.ts';

const DAY = 86_400_000;

/**
 * Each post's last 30 days from the rollups (posts without any tracked activity are absent),
 * with the orders the workspace counts (confirmed only, when it says so).
 */
export async function postPerformance(db: Db, workspaceId: string, postIds: string[], now: number): Promise<Map<string, PostPerformance>> {
  const r = dailyRollups;
  const since = utcDay(now - 29 * DAY);
  const counted = orderCounters((await trackingSettings(db, workspaceId))?.confirmedOrdersOnly ?? false);
  const rows = (
    await Promise.all(
      inChunks(postIds, (chunk) =>
        db
          .select({
            id: r.dimensionId,
            impressions: sql<number>`sum(${r.impressions})`,
            opens: sql<number>`sum(${r.opens})`,
            orders: sql<number>`sum(${counted.orders})`,
            revenueMinor: sql<number>`sum(${counted.revenueMinor})`,
          })
          .from(r)
          .where(and(eq(r.workspaceId, workspaceId), eq(r.dimension, 'post'), gte(r.day, since), inArray(r.dimensionId, chunk)))
          .groupBy(r.dimensionId),
      ),
    )
  ).flat();
  return new Map(rows.map(({ id, ...performance }) => [id, performance]));
}
