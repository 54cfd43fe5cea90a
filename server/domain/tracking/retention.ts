import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { events, workspaces } from '../../db/schema.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../accounts/workspaces.ts';

const DAY = 86_400_000;

/**
 * Deletes raw events older than each workspace's `eventRetentionDays`, at most `limit` rows per
 * call so one scheduler step stays small; the next step takes the rest. Rollups, visitor days,
 * orders and attributions are kept: reports read those, not raw events. One statement for every
 * workspace (each one's cutoff read from its settings in SQL): a query per workspace would spend
 * a Worker invocation's 1,000 D1 queries on a host with a few hundred of them, every minute.
 */
export async function purgeExpiredEvents(db: Db, now: number, limit = 5_000): Promise<number> {
  const days = sql`coalesce(json_extract(${workspaces.settings}, '$.eventRetentionDays'), ${DEFAULT_WORKSPACE_SETTINGS.eventRetentionDays})`;
  const gone = await db
    .delete(events)
    .where(
      sql`rowid in (select ${events}.rowid from ${workspaces} join ${events} on ${events.workspaceId} = ${workspaces.id} and ${events.receivedAt} < ${now} - ${days} * ${DAY} limit ${limit})`,
    )
    .returning({ id: events.id });
  return gone.length;
}
