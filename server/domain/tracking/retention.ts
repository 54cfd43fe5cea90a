import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { events, workspaces } from '../../db/schema.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../accounts/workspaces.ts';

const DAY = 86_400_000;

/**
 * Deletes raw events older than each workspace's `eventRetentionDays`, at most `limit` rows per
 * call so one scheduler step stays small; the next step takes the rest. Rollups, visitor days,
 * orders and attributions are kept: reports read those, not raw events.
 */
export async function purgeExpiredEvents(db: Db, now: number, limit = 5_000): Promise<number> {
  const all = await db.select({ id: workspaces.id, settings: workspaces.settings }).from(workspaces);
  let deleted = 0;
  for (const ws of all) {
    if (deleted >= limit) break;
    const days = ws.settings.eventRetentionDays ?? DEFAULT_WORKSPACE_SETTINGS.eventRetentionDays;
    const cutoff = now - days * DAY;
    const gone = await db
      .delete(events)
      .where(sql`rowid in (select rowid from ${events} where ${events.workspaceId} = ${ws.id} and ${events.receivedAt} < ${cutoff} limit ${limit - deleted})`)
      .returning({ id: events.id });
    deleted += gone.length;
  }
  return deleted;
}
