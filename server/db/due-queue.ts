import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client.ts';

/**
 * How long a claimed row stays out of other runs' reach: a Cron Trigger invocation may run 15
 * minutes at most, so a row still claimed after that belongs to a run that died.
 */
export const CLAIM_LEASE_MS = 15 * 60_000;

/**
 * A queue rows can be claimed from: `ready` says which rows may run at all (`status = 'pending'`,
 * `enabled`); due ones are those whose `nextAttemptAt` has come, soonest first (each table's
 * index on the two serves the select).
 */
export interface ClaimableQueue {
  table: SQLiteTable;
  id: SQLiteColumn;
  nextAttemptAt: SQLiteColumn;
  ready: SQL;
}

/**
 * Claims the `limit` soonest due rows of a queue for one run: a single UPDATE moves their next
 * attempt `leaseMs` ahead and returns their ids. SQLite, D1 and libSQL run one statement alone,
 * so two overlapping runs (a cron tick that starts while the last one still works, two Node
 * processes on one database) never claim the same row. The runner then sets the row's real next
 * attempt (done, or retry later); if it dies first, the row is due again once the lease ends.
 */
export async function claimDue(db: Db, queue: ClaimableQueue, now: number, limit: number, leaseMs = CLAIM_LEASE_MS): Promise<string[]> {
  if (limit <= 0) return [];
  const { table, id, nextAttemptAt, ready } = queue;
  const rows = await db.all<{ id: string }>(sql`
    update ${table} set ${sql.identifier(nextAttemptAt.name)} = ${now + leaseMs}
    where ${sql.identifier(id.name)} in (
      select ${id} from ${table} where ${ready} and ${nextAttemptAt} <= ${now} order by ${nextAttemptAt} limit ${limit}
    )
    returning ${sql.identifier(id.name)} as id`);
  return rows.map((r) => r.id);
}

/**
 * Takes rows a claim of `lease` (claimDue's `now + leaseMs`) still holds, for the one run that
 * does their work: a single UPDATE moves each row's next attempt off the claim's value, so a
 * second run handed the same claim (a queue message delivered twice, at once or later) takes
 * nothing and changes nothing. The new value is a fresh lease from the taker's clock, and always
 * differs from `lease`: a row the taker dies on is due again once it ends. Rows whose claim
 * expired and was claimed again carry another lease, so the stale claim takes none of them.
 */
export async function takeClaimed(db: Db, queue: ClaimableQueue, ids: string[], lease: number, now: number, leaseMs = CLAIM_LEASE_MS): Promise<string[]> {
  if (ids.length === 0) return [];
  const { table, id, nextAttemptAt, ready } = queue;
  const rows = await db.all<{ id: string }>(sql`
    update ${table} set ${sql.identifier(nextAttemptAt.name)} = ${Math.max(lease + 1, now + leaseMs)}
    where ${sql.identifier(id.name)} in ${ids} and ${ready} and ${nextAttemptAt} = ${lease}
    returning ${sql.identifier(id.name)} as id`);
  return rows.map((r) => r.id);
}
