import { and, asc, eq, lte } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteSelect } from 'drizzle-orm/sqlite-core';

/** A retry queue's columns: rows wait as `pending` until `nextAttemptAt`. */
export interface DueQueue {
  status: SQLiteColumn;
  nextAttemptAt: SQLiteColumn;
}

/**
 * The `limit` rows of a retry queue whose next attempt is due, soonest first: the one select that
 * re-hosting and webhook delivery share, served by each table's (status, next_attempt_at) index.
 */
export function takeDue<T extends SQLiteSelect>(query: T, queue: DueQueue, now: number, limit: number) {
  return query.where(and(eq(queue.status, 'pending'), lte(queue.nextAttemptAt, now))).orderBy(asc(queue.nextAttemptAt)).limit(limit);
}
