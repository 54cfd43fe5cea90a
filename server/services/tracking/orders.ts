import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isHoldout } from '../../../shared/holdout.ts';
import type { TransactionInput } from '../../../shared/schemas/events.ts';
import { inChunks, runBatch, type Db } from '../../db/client.ts';
import { dailyRollups, events, orderAttributions, orders, postProducts, posts, visitors } from '../../db/schema.ts';
import { newId } from '../../ids.ts';
import { attributeOrder, CLICK_TYPES, orderRollupDeltas, type OrderLine, type OrderRollupDelta, type Touch } from '../../rules/attribution.ts';
import { toMinorUnits } from '../../rules/money.ts';
import type { TrackingSettings } from '../tracking-settings.ts';
import { utcDay } from './days.ts';
import { visitorRecencyStatement } from './recency.ts';
import { matchLines } from './order-lines.ts';

export interface OrderInput {
  transaction: TransactionInput;
  /** The visitor who ordered, when known (the beacon's, or the one a merchant's server passed on). */
  visitorId: string | null;
  sessionId: string | null;
  channel: 'beacon' | 'api';
  occurredAt: number;
  /** This visitor's touches that arrive in the same batch as the purchase, not stored yet. */
  pendingTouches?: readonly Touch[];
}

const HOUR = 3_600_000;
const TOUCH_TYPES = ['view_item_list', ...CLICK_TYPES] as const;

/**
 * The statements that record one order with its attribution and rollups, to run in the caller's
 * batch. The order is inserted only if its transaction id is new for the workspace; the
 * attribution rows and rollup increments are conditional on that very insert (they select from
 * the order row by its fresh id), so an order counts once however often and by whichever channel
 * it arrives, even when two copies race.
 */
export async function orderStatements(db: Db, settings: TrackingSettings, input: OrderInput, now: number): Promise<BatchItem<'sqlite'>[]> {
  const workspaceId = settings.workspaceId;
  const { transaction } = input;
  const [known] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.transactionId, transaction.transaction_id)))
    .limit(1);
  if (known) return [];

  const orderId = newId('ord');
  const valueMinor = toMinorUnits(transaction.value, transaction.currency);
  const holdout = input.visitorId !== null && isHoldout(workspaceId, input.visitorId, settings.holdoutShare);
  // A holdout visitor saw no gallery: their orders count for the holdout's conversion rate only.
  const touches = input.visitorId && !holdout ? [...(await storedTouches(db, settings, input.visitorId, input.occurredAt)), ...(input.pendingTouches ?? [])] : [];
  const postIds = [...new Set(touches.map((t) => t.postId).filter((id): id is string => id !== null))];
  const tags = await productsOfPosts(db, workspaceId, postIds);
  const clicked = new Set(touches.map((t) => t.productId));
  const shown = new Set([...tags.values()].flatMap((set) => [...set]));
  const lines: OrderLine[] = [];
  for (const line of touches.length > 0 ? await matchLines(db, workspaceId, transaction) : []) {
    // An item group matches several variants: the one the shopper touched or saw, else the first.
    const productId = line.candidates.find((id) => clicked.has(id)) ?? line.candidates.find((id) => shown.has(id)) ?? line.candidates[0];
    if (productId) lines.push({ productId, valueMinor: line.valueMinor });
  }
  const credits = attributeOrder({
    orderAt: input.occurredAt,
    valueMinor,
    touches,
    clickWindowHours: settings.clickWindowHours,
    viewWindowHours: settings.viewWindowHours,
    lines,
    productsOfPost: (postId) => tags.get(postId) ?? new Set(),
  });
  const items = transaction.items.map((item) => ({ itemId: item.item_id, name: item.item_name, price: item.price, quantity: item.quantity ?? 1 }));
  const inserted = sql`exists (select 1 from ${orders} where ${orders.id} = ${orderId})`;
  const statements: BatchItem<'sqlite'>[] = [
    db
      .insert(orders)
      .values({ id: orderId, workspaceId, transactionId: transaction.transaction_id, valueMinor, currency: transaction.currency, items, visitorId: input.visitorId, sessionId: input.sessionId, channel: input.channel, occurredAt: input.occurredAt, receivedAt: now })
      .onConflictDoNothing(),
  ];
  // The buyer's latest order day, with their recency buckets kept in step (out of the old, into the new).
  if (input.visitorId) {
    statements.push(
      visitorRecencyStatement(db, workspaceId, input.visitorId, -1),
      db
        .update(visitors)
        .set({ lastOrderDay: sql`max(coalesce(${visitors.lastOrderDay}, ''), ${utcDay(input.occurredAt)})` })
        .where(and(eq(visitors.workspaceId, workspaceId), eq(visitors.visitorId, input.visitorId), inserted)),
      visitorRecencyStatement(db, workspaceId, input.visitorId, 1),
    );
  }
  if (credits.length > 0) {
    statements.push(
      db
        .insert(orderAttributions)
        .select(
          sql`select ${orderId}, json_extract(value, '$.kind'), json_extract(value, '$.galleryId'), json_extract(value, '$.postId'), json_extract(value, '$.productId'), json_extract(value, '$.valueMinor')
          from json_each(${JSON.stringify(credits)}) where ${inserted}`,
        ),
    );
    statements.push(orderRollupStatement(db, workspaceId, utcDay(input.occurredAt), mergeDeltas(orderRollupDeltas(credits)), inserted));
  }
  return statements;
}

/** Records one order on its own (the server-to-server API): true when it was new. */
export async function recordOrder(db: Db, settings: TrackingSettings, input: OrderInput, now: number): Promise<boolean> {
  const statements = await orderStatements(db, settings, input, now);
  if (statements.length === 0) return false;
  await runBatch(db, statements);
  return true;
}

async function storedTouches(db: Db, settings: TrackingSettings, visitorId: string, orderAt: number): Promise<Touch[]> {
  const since = orderAt - Math.max(settings.clickWindowHours, settings.viewWindowHours) * HOUR;
  const rows = await db
    .select({ type: events.type, at: events.occurredAt, galleryId: events.galleryId, postId: events.postId, productId: events.productId })
    .from(events)
    .where(and(eq(events.workspaceId, settings.workspaceId), eq(events.visitorId, visitorId), gte(events.occurredAt, since), lte(events.occurredAt, orderAt), inArray(events.type, [...TOUCH_TYPES])));
  return rows as Touch[];
}

/** The products tagged on each post, only for the workspace's own posts (ids come from browsers). */
async function productsOfPosts(db: Db, workspaceId: string, postIds: string[]): Promise<Map<string, Set<string>>> {
  const rows = (
    await Promise.all(
      inChunks(postIds, (chunk) =>
        db
          .select({ postId: postProducts.postId, productId: postProducts.productId })
          .from(postProducts)
          .innerJoin(posts, eq(posts.id, postProducts.postId))
          .where(and(eq(posts.workspaceId, workspaceId), inArray(postProducts.postId, chunk))),
      ),
    )
  ).flat();
  const map = new Map<string, Set<string>>();
  for (const row of rows) map.set(row.postId, (map.get(row.postId) ?? new Set()).add(row.productId));
  return map;
}

function mergeDeltas(deltas: OrderRollupDelta[]): OrderRollupDelta[] {
  const merged = new Map<string, OrderRollupDelta>();
  for (const d of deltas) {
    const key = `${d.dimension}\u0000${d.dimensionId}`;
    const into = merged.get(key);
    if (!into) merged.set(key, { ...d });
    else {
      into.orders += d.orders;
      into.revenueMinor += d.revenueMinor;
      into.assistedOrders += d.assistedOrders;
      into.assistedRevenueMinor += d.assistedRevenueMinor;
    }
  }
  return [...merged.values()];
}

function orderRollupStatement(db: Db, workspaceId: string, day: string, deltas: OrderRollupDelta[], when: SQL) {
  return db
    .insert(dailyRollups)
    .select(
      sql`select ${workspaceId}, ${day}, json_extract(value, '$.dimension'), json_extract(value, '$.dimensionId'), 0, 0, 0, 0, json_extract(value, '$.orders'),
        json_extract(value, '$.revenueMinor'), json_extract(value, '$.assistedOrders'), json_extract(value, '$.assistedRevenueMinor')
      from json_each(${JSON.stringify(deltas)}) where ${when}`,
    )
    .onConflictDoUpdate({
      target: [dailyRollups.workspaceId, dailyRollups.day, dailyRollups.dimension, dailyRollups.dimensionId],
      set: {
        orders: sql`${dailyRollups.orders} + excluded.orders`,
        revenueMinor: sql`${dailyRollups.revenueMinor} + excluded.revenue_minor`,
        assistedOrders: sql`${dailyRollups.assistedOrders} + excluded.assisted_orders`,
        assistedRevenueMinor: sql`${dailyRollups.assistedRevenueMinor} + excluded.assisted_revenue_minor`,
      },
    });
}
