/**
 * Erasing one visitor: a shopper's `vitrine('forget')` or an owner's request on their behalf.
 * What is per visitor goes: their raw events, visitor days, visitor rows (counted out of their
 * recency buckets first, so the reports' visitor sums stay exact), and the link from their orders
 * to them. The daily rollups are aggregate counters with no visitor in them and stay as they
 * are; so do orders and their attributions, which are the merchant's sales records.
 */
import { and, count, eq } from 'drizzle-orm';
import { runBatch, type Db } from '../../db/client.ts';
import { events, orders, visitorDays, visitors } from '../../db/schema.ts';
import { auditStatement } from '../audit/audit.ts';
import { visitorRecencyStatement } from './recency.ts';

export interface ErasedVisitor {
  events: number;
  visitorDays: number;
  /** Orders kept, with their visitor link removed. */
  orders: number;
}

export type Eraser = { kind: 'shopper' } | { kind: 'user'; userId: string };

export async function eraseVisitor(db: Db, workspaceId: string, visitorId: string, by: Eraser, now: number): Promise<ErasedVisitor> {
  const of = <T extends typeof events | typeof visitorDays | typeof orders>(table: T) => and(eq(table.workspaceId, workspaceId), eq(table.visitorId, visitorId));
  const tally = async (table: typeof events | typeof visitorDays | typeof orders) => (await db.select({ n: count() }).from(table).where(of(table)))[0]?.n ?? 0;
  const [eventCount, dayCount, orderCount] = await Promise.all([tally(events), tally(visitorDays), tally(orders)]);
  const erased = { events: eventCount, visitorDays: dayCount, orders: orderCount };
  await runBatch(db, [
    visitorRecencyStatement(db, workspaceId, visitorId, -1),
    db.delete(visitors).where(and(eq(visitors.workspaceId, workspaceId), eq(visitors.visitorId, visitorId))),
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
