/**
 * Erasing one visitor: a shopper's `vitrine('forget')` or an owner's request on their behalf.
 * What is per visitor goes: their raw events, visitor days, visitor rows (counted out of their
 * recency buckets first, so the reports' visitor sums stay exact), and the link from their orders
 * to them. The daily rollups are aggregate counters with no visitor in them and stay as they
 * are; so do orders and their attributions, which are the merchant's sales records.
 */
import { and, count, eq, gte, inArray } from 'drizzle-orm';
import { inChunks, runBatch, type Db } from '../../db/client.ts';
import { auditLog, events, orders, visitorDays, visitors } from '../../db/schema.ts';
import { auditStatement } from '../audit/audit.ts';
import { NotFound } from '../errors.ts';
import { visitorRecencyStatement } from './recency.ts';

export interface ErasedVisitor {
  events: number;
  visitorDays: number;
  /** Orders kept, with their visitor link removed. */
  orders: number;
}

export type Eraser = { kind: 'shopper' } | { kind: 'user'; userId: string };

/**
 * A shopper's request always succeeds, whether or not the id was ever seen (the answer tells
 * nothing); an owner is told when the workspace holds nothing for that id (not found).
 */
export async function eraseVisitor(db: Db, workspaceId: string, visitorId: string, by: Eraser, now: number): Promise<ErasedVisitor> {
  type Table = typeof events | typeof visitorDays | typeof orders | typeof visitors;
  const of = (table: Table) => and(eq(table.workspaceId, workspaceId), eq(table.visitorId, visitorId));
  const tally = async (table: Table) => (await db.select({ n: count() }).from(table).where(of(table)))[0]?.n ?? 0;
  const [eventCount, dayCount, orderCount, visitorRows] = await Promise.all([tally(events), tally(visitorDays), tally(orders), tally(visitors)]);
  if (by.kind === 'user' && eventCount + dayCount + orderCount + visitorRows === 0) {
    throw new NotFound('not_found', 'visitorId: no data of this visitor id in the workspace (not found)', 'visitorId');
  }
  const erased = { events: eventCount, visitorDays: dayCount, orders: orderCount };
  await runBatch(db, [
    visitorRecencyStatement(db, workspaceId, visitorId, -1),
    db.delete(visitors).where(of(visitors)),
    db.delete(visitorDays).where(of(visitorDays)),
    db.delete(events).where(of(events)),
    db.update(orders).set({ visitorId: null, sessionId: null }).where(of(orders)),
    auditStatement(db, {
      workspaceId,
      actorUserId: by.kind === 'user' ? by.userId : null,
      actorKind: by.kind,
      action: 'visitor.erased',
      targetType: 'visitor',
      targetId: visitorId,
      after: erased,
      at: now,
    }),
  ]);
  return erased;
}

/**
 * When each of these visitors was last erased, for those erased at or after `since`: read from
 * the audit rows erasure writes (indexed by workspace and time, so only recent rows are read).
 * A batch accepted before its visitor's erasure but stored after it (a queue's consumer) must
 * not bring the visitor back.
 */
export async function erasedSince(db: Db, workspaceId: string, visitorIds: readonly string[], since: number): Promise<Map<string, number>> {
  const erased = new Map<string, number>();
  for (const query of inChunks([...new Set(visitorIds)], (chunk) =>
    db
      .select({ visitorId: auditLog.targetId, at: auditLog.at })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, workspaceId), gte(auditLog.at, since), eq(auditLog.action, 'visitor.erased'), eq(auditLog.targetType, 'visitor'), inArray(auditLog.targetId, chunk))),
  )) {
    for (const { visitorId, at } of await query) if (visitorId) erased.set(visitorId, Math.max(at, erased.get(visitorId) ?? at));
  }
  return erased;
}
