import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { isHoldout } from '../../../shared/holdout.ts';
import type { TransactionInput } from '../../../shared/schemas/events.ts';
import { inChunks, runBatch, type Db } from '../../db/client.ts';
import { dailyRollups, events, orderAttributions, orders, postProducts, posts, visitors } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { attributeOrder, CLICK_TYPES, orderRollupDeltas, type Credit, type OrderLine, type OrderRollupDelta, type Touch } from './attribution.ts';
import { toMinorUnits } from '../../lib/money.ts';
import type { TrackingSettings } from './settings.ts';
import { SQL_UTC_DAY, utcDay } from './days.ts';
import { visitorRecencyStatement } from './recency.ts';
import { matchLines } from './order-lines.ts';

export interface OrderInput {
  transaction: TransactionInput;
  /** The visitor who ordered, when known (the beacon's, or the one a merchant's server passed on). */
  visitorId: string | null;
  sessionId: string | null;
  /** The order's provenance: reported by a browser, or confirmed by the merchant's server. */
  channel: 'beacon' | 'api';
  /** When it was placed; null (the API without `occurred_at`): the browser report's time it confirms, else now. */
  occurredAt: number | null;
  /** This visitor's touches that arrive in the same batch as the purchase, not stored yet. */
  pendingTouches?: readonly Touch[];
}

/** What recording an order does: adds a new one, or replaces a browser report with the confirmed order. */
export type OrderOutcome = 'created' | 'replaced';

export interface OrderPlan {
  /** The order row's id once the statements ran, if they were the ones that recorded it. */
  orderId: string;
  outcome: OrderOutcome;
  statements: BatchItem<'sqlite'>[];
}

const HOUR = 3_600_000;
const TOUCH_TYPES = ['view_item_list', ...CLICK_TYPES] as const;
const LATEST_ORDER_DAY = sql.raw(SQL_UTC_DAY('max(occurred_at)'));

/**
 * The statements that record one order with its attribution and rollups, to run in the caller's
 * batch; null when there is nothing to record. A transaction id counts once per workspace: a
 * browser report never touches a known order, and a confirmed order is final. A confirmed order
 * replaces a browser report of the same id (its value, currency, items; its visitor and time
 * when it names its own): the report's credits are taken back out of the rollups and the row
 * takes the confirmed order's fresh id.
 *
 * Every write after that is conditional on the row with the fresh id existing, so an order
 * counts once however often and by whichever channel it arrives, even when two copies race:
 * the losing copy's statements change nothing.
 */
export async function planOrder(db: Db, settings: TrackingSettings, input: OrderInput, now: number): Promise<OrderPlan | null> {
  const workspaceId = settings.workspaceId;
  const { transaction } = input;
  const [known] = await db
    .select({ id: orders.id, channel: orders.channel, visitorId: orders.visitorId, sessionId: orders.sessionId, occurredAt: orders.occurredAt })
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.transactionId, transaction.transaction_id)))
    .limit(1);
  if (known && (known.channel === 'api' || input.channel === 'beacon')) return null;

  const orderId = newId('ord');
  const visitorId = input.visitorId ?? known?.visitorId ?? null;
  const occurredAt = input.occurredAt ?? known?.occurredAt ?? now;
  const row = {
    id: orderId,
    valueMinor: toMinorUnits(transaction.value, transaction.currency),
    currency: transaction.currency,
    items: transaction.items.map((item) => ({ itemId: item.item_id, name: item.item_name, price: item.price, quantity: item.quantity ?? 1 })),
    visitorId,
    sessionId: input.sessionId ?? known?.sessionId ?? null,
    channel: input.channel,
    occurredAt,
    receivedAt: now,
  };
  const credits = await creditsFor(db, settings, { ...input, visitorId, occurredAt }, row.valueMinor);
  const inserted = sql`exists (select 1 from ${orders} where ${orders.id} = ${orderId})`;
  // Buyers whose latest order day may move: the report's and the confirmed order's visitor.
  const buyers = [...new Set([known?.visitorId, visitorId].filter((v): v is string => !!v))];
  const statements: BatchItem<'sqlite'>[] = buyers.map((buyer) => visitorRecencyStatement(db, workspaceId, buyer, -1));
  if (known) statements.push(...(await withdrawReportStatements(db, workspaceId, known, row)));
  else statements.push(db.insert(orders).values({ ...row, workspaceId, transactionId: transaction.transaction_id }).onConflictDoNothing());
  if (credits.length > 0) {
    statements.push(
      db
        .insert(orderAttributions)
        .select(
          sql`select ${orderId}, json_extract(value, '$.kind'), json_extract(value, '$.galleryId'), json_extract(value, '$.postId'), json_extract(value, '$.productId'), json_extract(value, '$.valueMinor')
          from json_each(${JSON.stringify(credits)}) where ${inserted}`,
        ),
      orderRollupStatement(db, workspaceId, utcDay(occurredAt), rollupRows(credits, 1, input.channel === 'api'), inserted),
    );
  }
  // Each buyer's latest order day, with their recency buckets kept in step (out of the old, into the new).
  for (const buyer of buyers) {
    statements.push(
      db
        .update(visitors)
        .set({ lastOrderDay: sql`(select ${LATEST_ORDER_DAY} from ${orders} where ${orders.workspaceId} = ${workspaceId} and ${orders.visitorId} = ${buyer})` })
        .where(and(eq(visitors.workspaceId, workspaceId), eq(visitors.visitorId, buyer), inserted)),
    );
  }
  statements.push(...buyers.map((buyer) => visitorRecencyStatement(db, workspaceId, buyer, 1)));
  return { orderId, outcome: known ? 'replaced' : 'created', statements };
}

/**
 * Takes a browser-reported order's credits back out of the rollups and turns its row into the
 * confirmed order, all only while it is still that report (a concurrent confirmation may have
 * replaced it first: then none of this changes anything).
 */
async function withdrawReportStatements(db: Db, workspaceId: string, report: { id: string; occurredAt: number }, confirmed: Omit<typeof orders.$inferInsert, 'workspaceId' | 'transactionId'>) {
  const stillReported = sql`exists (select 1 from ${orders} where ${orders.id} = ${report.id} and ${orders.channel} = 'beacon')`;
  const credits = await db
    .select({ kind: orderAttributions.kind, galleryId: orderAttributions.galleryId, postId: orderAttributions.postId, productId: orderAttributions.productId, valueMinor: orderAttributions.valueMinor })
    .from(orderAttributions)
    .where(eq(orderAttributions.orderId, report.id));
  const rows = rollupRows(credits, -1, false);
  return [
    ...(rows.length > 0 ? [orderRollupStatement(db, workspaceId, utcDay(report.occurredAt), rows, stillReported)] : []),
    db.delete(orderAttributions).where(eq(orderAttributions.orderId, report.id)),
    db.update(orders).set(confirmed).where(and(eq(orders.id, report.id), eq(orders.channel, 'beacon'))),
  ];
}

/**
 * Records one confirmed order on its own (the server-to-server API): what became of it, or null
 * when that transaction was already confirmed.
 */
export async function recordOrder(db: Db, settings: TrackingSettings, input: OrderInput, now: number): Promise<OrderOutcome | null> {
  // A copy of the same id may be written between planning and writing; the plan then changed
  // nothing, and planning again sees that copy. A browser report is replaced on the second try;
  // a confirmation is final on the third.
  for (let attempt = 0; attempt < 3; attempt++) {
    const plan = await planOrder(db, settings, input, now);
    if (!plan) return null;
    await runBatch(db, plan.statements);
    const [recorded] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, plan.orderId)).limit(1);
    if (recorded) return plan.outcome;
  }
  throw new Error(`order ${input.transaction.transaction_id}: not recorded after three attempts`);
}

/** Which UGC the order credits, from the visitor's touches within the windows and its matched lines. */
async function creditsFor(db: Db, settings: TrackingSettings, input: OrderInput & { occurredAt: number }, valueMinor: number): Promise<Credit[]> {
  const workspaceId = settings.workspaceId;
  const holdout = input.visitorId !== null && isHoldout(workspaceId, input.visitorId, settings.holdoutShare);
  // A holdout visitor saw no gallery: their orders count for the holdout's conversion rate only.
  const touches = input.visitorId && !holdout ? [...(await storedTouches(db, settings, input.visitorId, input.occurredAt)), ...(input.pendingTouches ?? [])] : [];
  const postIds = [...new Set(touches.map((t) => t.postId).filter((id): id is string => id !== null))];
  const tags = await productsOfPosts(db, workspaceId, postIds);
  const clicked = new Set(touches.map((t) => t.productId));
  const shown = new Set([...tags.values()].flatMap((set) => [...set]));
  const lines: OrderLine[] = [];
  for (const line of touches.length > 0 ? await matchLines(db, workspaceId, input.transaction) : []) {
    // An item group matches several variants: the one the shopper touched or saw, else the first.
    const productId = line.candidates.find((id) => clicked.has(id)) ?? line.candidates.find((id) => shown.has(id)) ?? line.candidates[0];
    if (productId) lines.push({ productId, valueMinor: line.valueMinor });
  }
  return attributeOrder({
    orderAt: input.occurredAt,
    valueMinor,
    touches,
    clickWindowHours: settings.clickWindowHours,
    viewWindowHours: settings.viewWindowHours,
    lines,
    productsOfPost: (postId) => tags.get(postId) ?? new Set(),
  });
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

/** A rollup row's order counters, with the part that comes from confirmed orders. */
interface RollupRow extends OrderRollupDelta {
  confirmedOrders: number;
  confirmedRevenueMinor: number;
  confirmedAssistedOrders: number;
  confirmedAssistedRevenueMinor: number;
}

/** What an order's credits add to the rollups (sign 1) or take back (−1), one row per dimension. */
function rollupRows(credits: readonly Credit[], sign: 1 | -1, confirmed: boolean): RollupRow[] {
  const merged = new Map<string, OrderRollupDelta>();
  for (const d of orderRollupDeltas(credits)) {
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
  const part = confirmed ? sign : 0;
  return [...merged.values()].map((d) => ({
    ...d,
    orders: sign * d.orders,
    revenueMinor: sign * d.revenueMinor,
    assistedOrders: sign * d.assistedOrders,
    assistedRevenueMinor: sign * d.assistedRevenueMinor,
    confirmedOrders: part * d.orders,
    confirmedRevenueMinor: part * d.revenueMinor,
    confirmedAssistedOrders: part * d.assistedOrders,
    confirmedAssistedRevenueMinor: part * d.assistedRevenueMinor,
  }));
}

function orderRollupStatement(db: Db, workspaceId: string, day: string, rows: RollupRow[], when: SQL) {
  const r = dailyRollups;
  const add = (column: SQLiteColumn) => sql`${column} + excluded.${sql.identifier(column.name)}`;
  return db
    .insert(r)
    .select(
      sql`select ${workspaceId}, ${day}, json_extract(value, '$.dimension'), json_extract(value, '$.dimensionId'), 0, 0, 0, 0, json_extract(value, '$.orders'),
        json_extract(value, '$.revenueMinor'), json_extract(value, '$.assistedOrders'), json_extract(value, '$.assistedRevenueMinor'),
        json_extract(value, '$.confirmedOrders'), json_extract(value, '$.confirmedRevenueMinor'), json_extract(value, '$.confirmedAssistedOrders'), json_extract(value, '$.confirmedAssistedRevenueMinor'), 0
      from json_each(${JSON.stringify(rows)}) where ${when}`,
    )
    .onConflictDoUpdate({
      target: [r.workspaceId, r.day, r.dimension, r.dimensionId],
      set: {
        orders: add(r.orders),
        revenueMinor: add(r.revenueMinor),
        assistedOrders: add(r.assistedOrders),
        assistedRevenueMinor: add(r.assistedRevenueMinor),
        confirmedOrders: add(r.confirmedOrders),
        confirmedRevenueMinor: add(r.confirmedRevenueMinor),
        confirmedAssistedOrders: add(r.confirmedAssistedOrders),
        confirmedAssistedRevenueMinor: add(r.confirmedAssistedRevenueMinor),
      },
    });
}
