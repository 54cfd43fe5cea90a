import { sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isHoldout } from '../../../shared/holdout.ts';
import type { EventBatch } from '../../../shared/schemas/events.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { dailyRollups, events, visitorDays, visitorRecency, visitors } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { Touch } from './attribution.ts';
import type { TrackingSettings } from './settings.ts';
import { SQL_UTC_DAY } from './days.ts';
import { planOrder } from './orders.ts';
import { RECENCY_UPSERT } from './recency.ts';

/**
 * An event happened at most a day before it arrived (a page kept open, a queued beacon) and never
 * after: client clocks are clamped into [arrival − 24 h, arrival]. Nothing is dated in the
 * future, so "last seen" days never pass today (the reports rely on it).
 */
const CLOCK_SKEW_MS = 24 * 3_600_000;
const DAY = sql.raw(SQL_UTC_DAY('occurred_at'));
const ENGAGING = sql.raw(`('select_content', 'select_item', 'add_to_cart')`);

/** One request's batch, with its workspace's settings and the time it arrived. */
export interface IngestEntry {
  settings: TrackingSettings;
  batch: EventBatch;
  now: number;
}

/**
 * Stores one batch of events and everything they add, atomically: the events (idempotent on
 * (workspace, id)), the daily rollups, the visitor flags and any purchase's order. Returns when
 * the whole batch is durable.
 */
export async function ingestBatch(db: Db, settings: TrackingSettings, batch: EventBatch, now: number): Promise<void> {
  await runBatch(db, await ingestStatements(db, [{ settings, batch, now }]));
}

/**
 * The statements that store any number of batches in one transaction: four statements for all
 * their events whatever their count (each row carries its workspace and visitor in one JSON
 * parameter), plus each purchase's order. The rows inserted are tagged with a fresh batch id and
 * the rollups are read back from exactly those rows, so an event sent twice — in another request
 * or in this very group — is stored and counted once.
 *
 * Orders read the visitor's stored touches while the statements are built: a visitor's earlier
 * batches must be committed before a later one is built (touches in the same entry are passed).
 */
export async function ingestStatements(db: Db, entries: readonly IngestEntry[]): Promise<BatchItem<'sqlite'>[]> {
  const batchId = newId('ib');
  const rows = entries.flatMap(({ settings, batch, now }) => {
    const { visitorId, sessionId } = identityOf(batch);
    // The holdout applies only to visitors with consent: an anonymous event is never held out.
    const holdout = visitorId && isHoldout(settings.workspaceId, visitorId, settings.holdoutShare) ? 1 : 0;
    return batch.events.map((e) => ({
      ws: settings.workspaceId,
      id: e.id,
      type: e.type,
      visitorId,
      sessionId,
      holdout,
      galleryId: e.galleryId ?? null,
      postId: e.postId ?? null,
      productId: e.productId ?? null,
      at: Math.min(now, Math.max(now - CLOCK_SKEW_MS, e.at)),
      receivedAt: now,
      payload: e.transaction ? { transaction: e.transaction } : e.postIds?.length ? { postIds: e.postIds } : null,
    }));
  });
  if (rows.length === 0) return [];
  const json = JSON.stringify(rows);
  const field = (name: string) => sql.raw(`json_extract(value, '$.${name}')`);
  // The rows this group inserted: ids looked up by primary key, kept only if they carry its batch
  // id. Materialized: each statement reads them once, not once per use of `e` (five in the
  // rollups), and from short lists of ids rather than the rows' whole JSON.
  const workspaceIds = JSON.stringify([...new Set(rows.map((r) => r.ws))]);
  const eventIds = JSON.stringify(rows.map((r) => r.id));
  const fresh = sql`with e as materialized (
      select workspace_id as ws, visitor_id as visitor, holdout, type, gallery_id, post_id, product_id, payload, ${DAY} as day from events
      where workspace_id in (select value from json_each(${workspaceIds}))
        and id in (select value from json_each(${eventIds}))
        and batch_id = ${batchId}
    )`;
  // Inserts from SELECTs (drizzle's insert().select(sql)) list every column of the table in order.
  const statements: BatchItem<'sqlite'>[] = [
    db
      .insert(events)
      .select(
        sql`select ${field('ws')}, ${field('id')}, ${field('type')}, ${field('visitorId')}, ${field('sessionId')}, ${field('holdout')},
          ${field('galleryId')}, ${field('postId')}, ${field('productId')}, ${field('at')}, ${field('receivedAt')}, ${field('payload')}, ${batchId}
        from json_each(${json}) where true`,
      )
      .onConflictDoNothing(),
    db
      .insert(dailyRollups)
      .select(
        sql`${fresh}
        select ws, day, dim, dim_id, sum(type = 'view_item_list'), sum(type = 'select_content'), sum(type = 'select_item'), sum(type = 'add_to_cart'), 0, 0, 0, 0, 0, 0, 0, 0,
          sum(type = 'view_item_list' and visitor <> '')
        from (
          select ws, day, 'workspace' as dim, '' as dim_id, type, visitor from e
          union all select ws, day, 'gallery', gallery_id, type, visitor from e where gallery_id is not null
          union all select ws, day, 'post', post_id, type, visitor from e where post_id is not null
          union all select e.ws, e.day, 'post', shown.value, e.type, e.visitor from e, json_each(e.payload, '$.postIds') as shown where e.type = 'view_item_list'
          union all select ws, day, 'product', product_id, type, visitor from e where product_id is not null
        )
        where type in ('view_item_list', 'select_content', 'select_item', 'add_to_cart')
        group by ws, day, dim, dim_id`,
      )
      .onConflictDoUpdate({
        target: [dailyRollups.workspaceId, dailyRollups.day, dailyRollups.dimension, dailyRollups.dimensionId],
        set: {
          impressions: sql`${dailyRollups.impressions} + excluded.impressions`,
          opens: sql`${dailyRollups.opens} + excluded.opens`,
          productClicks: sql`${dailyRollups.productClicks} + excluded.product_clicks`,
          addToCarts: sql`${dailyRollups.addToCarts} + excluded.add_to_carts`,
          consentedImpressions: sql`${dailyRollups.consentedImpressions} + excluded.consented_impressions`,
        },
      }),
    db
      .insert(visitorDays)
      .select(
        sql`${fresh}
        select ws, g, day, visitor, max(holdout), 1, max(engaged)
        from (
          select ws, visitor, holdout, '' as g, day, type in ${ENGAGING} as engaged from e where type <> 'purchase' and visitor <> ''
          union all select ws, visitor, holdout, gallery_id, day, type in ${ENGAGING} from e where gallery_id is not null and type <> 'purchase' and visitor <> ''
        )
        where true
        group by ws, g, day, visitor`,
      )
      .onConflictDoUpdate({
        target: [visitorDays.workspaceId, visitorDays.galleryId, visitorDays.day, visitorDays.visitorId],
        set: { holdout: sql`max(${visitorDays.holdout}, excluded.holdout)`, engaged: sql`max(${visitorDays.engaged}, excluded.engaged)` },
      }),
    recencyStatement(db, fresh, -1),
    db
      .insert(visitors)
      .select(
        sql`${fresh}
        select ws, g, visitor, max(holdout), max(day), max(case when engaged then day end), null
        from (
          select ws, visitor, holdout, '' as g, day, type in ${ENGAGING} as engaged from e where type <> 'purchase' and visitor <> ''
          union all select ws, visitor, holdout, gallery_id, day, type in ${ENGAGING} from e where gallery_id is not null and type <> 'purchase' and visitor <> ''
        )
        where true
        group by ws, g, visitor`,
      )
      .onConflictDoUpdate({
        target: [visitors.workspaceId, visitors.galleryId, visitors.visitorId],
        set: {
          holdout: sql`max(${visitors.holdout}, excluded.holdout)`,
          lastSeenDay: sql`max(${visitors.lastSeenDay}, excluded.last_seen_day)`,
          // max() of a value and NULL is NULL in SQLite: compare with '' standing for "never".
          lastEngagedDay: sql`nullif(max(coalesce(${visitors.lastEngagedDay}, ''), coalesce(excluded.last_engaged_day, '')), '')`,
        },
      }),
    recencyStatement(db, fresh, 1),
  ];

  const seen = new Set<string>();
  for (const { settings, batch, now } of entries) {
    const own = rows.filter((r) => r.ws === settings.workspaceId && r.visitorId !== '' && r.visitorId === identityOf(batch).visitorId);
    const touches: Touch[] = own.filter((r) => r.type !== 'purchase' && r.type !== 'vitrine_holdout').map((r) => ({ type: r.type as Touch['type'], at: r.at, galleryId: r.galleryId, postId: r.postId, productId: r.productId }));
    // Without analytics consent there is no visitor: an order is recorded but never linked to
    // one, so it cannot be attributed across pages.
    const { visitorId, sessionId } = identityOf(batch);
    for (const event of batch.events) {
      const transaction = event.transaction;
      const key = `${settings.workspaceId}\u0000${transaction?.transaction_id}`;
      if (!transaction || seen.has(key)) continue;
      seen.add(key);
      const at = Math.min(now, Math.max(now - CLOCK_SKEW_MS, event.at));
      const input = { transaction, visitorId: visitorId || null, sessionId: sessionId || null, channel: 'beacon' as const, occurredAt: at, pendingTouches: touches };
      statements.push(...((await planOrder(db, settings, input, now))?.statements ?? []));
    }
  }
  return statements;
}

/**
 * The ids a batch's events are stored with: the visitor's with consent; '' without, whatever the
 * page sent (an older widget sent page-view ids), so they count only in the aggregate rollups
 * and never in visitor days, visitors, recency or attribution.
 */
function identityOf(batch: EventBatch): { visitorId: string; sessionId: string } {
  return batch.consent === 'granted' ? { visitorId: batch.visitorId ?? '', sessionId: batch.sessionId ?? '' } : { visitorId: '', sessionId: '' };
}

/**
 * Moves the visitors this group touched between recency buckets: run with −1 before `visitors`
 * is updated (out of their old bucket) and with +1 after (into the new one), in the same batch.
 */
function recencyStatement(db: Db, fresh: SQL, sign: 1 | -1) {
  return db
    .insert(visitorRecency)
    .select(
      sql`${fresh}, touched as (
        select distinct ws, '' as g, visitor from e where type <> 'purchase' and visitor <> ''
        union select ws, gallery_id, visitor from e where gallery_id is not null and type <> 'purchase' and visitor <> ''
      )
      select v.workspace_id, v.gallery_id, v.last_seen_day, coalesce(v.last_engaged_day, ''), v.holdout, coalesce(v.last_order_day, ''), ${sign} * count(*)
      from touched t join visitors v on v.workspace_id = t.ws and v.gallery_id = t.g and v.visitor_id = t.visitor
      where true
      group by 1, 2, 3, 4, 5, 6`,
    )
    .onConflictDoUpdate(RECENCY_UPSERT);
}
