/**
 * Recency buckets (`visitor_recency`) count visitors by the days they were last seen, last
 * engaged and last ordered. Every write to `visitors` is wrapped in a pair of these statements in
 * the same batch: the rows counted out of their old bucket (−1), then into the new one (+1).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { visitorRecency, visitors } from '../../db/schema.ts';

/** Adds a row's count into its bucket (rows of −n move visitors out of one). */
export const RECENCY_UPSERT = {
  target: [visitorRecency.workspaceId, visitorRecency.galleryId, visitorRecency.lastSeenDay, visitorRecency.lastEngagedDay, visitorRecency.holdout, visitorRecency.lastOrderDay],
  set: { visitors: sql`${visitorRecency.visitors} + excluded.visitors` },
};

/**
 * One visitor's rows (one per gallery, and the workspace's '') counted into (+1) or out of (−1)
 * their buckets. The index is named: without statistics SQLite picks the primary key for the
 * GROUP BY and scans every visitor of the workspace.
 */
export function visitorRecencyStatement(db: Db, workspaceId: string, visitorId: string, sign: 1 | -1) {
  return db
    .insert(visitorRecency)
    .select(
      sql`select workspace_id, gallery_id, last_seen_day, coalesce(last_engaged_day, ''), holdout, coalesce(last_order_day, ''), ${sign} * count(*)
      from ${visitors} indexed by visitors_by_visitor where workspace_id = ${workspaceId} and visitor_id = ${visitorId}
      group by 1, 2, 3, 4, 5, 6`,
    )
    .onConflictDoUpdate(RECENCY_UPSERT);
}
