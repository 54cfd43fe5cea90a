import { sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isHoldout } from '../../../shared/holdout.ts';
import type { EventBatch } from '../../../shared/schemas/events.ts';
import type { Db } from '../../db/client.ts';
import { commitAlone, type Commit } from '../../db/group-commit.ts';
import { dailyRollups, events, visitorDays, visitors } from '../../db/schema.ts';
import { newId } from '../../ids.ts';
import type { Touch } from '../../rules/attribution.ts';
import type { TrackingSettings } from '../tracking-settings.ts';
import { SQL_UTC_DAY } from './days.ts';
import { orderStatements } from './orders.ts';

/**
 * An event happened at most a day before it arrived (a page kept open, a queued beacon) and never
 * after: client clocks are clamped into [arrival − 24 h, arrival]. Nothing is dated in the
 * future, so "last seen" days never pass today (the reports rely on it).
 */
const CLOCK_SKEW_MS = 24 * 3_600_000;
const DAY = sql.raw(SQL_UTC_DAY('occurred_at'));

/**
 * Stores one batch of events and everything they add, atomically: the events (idempotent on
 * (workspace, id)), the daily rollups, the visitor-day flags and any purchase's order. The
 * rollups are read back from the rows this batch inserted (tagged with its batch id), so an event
 * sent twice is stored and counted once. Returns when the whole batch is durable.
 */
export async function ingestBatch(db: Db, settings: TrackingSettings, batch: EventBatch, now: number, commit: Commit = commitAlone(db)): Promise<void> {
  await commit(await ingestStatements(db, settings, batch, now));
}

/**
 * The statements `ingestBatch` runs, for callers that put several batches in one transaction
 * (the history generator). Orders read the visitor's stored touches while the statements are
 * built, so a visitor's earlier batches must be committed before a later one is built.
 */
export async function ingestStatements(db: Db, settings: TrackingSettings, batch: EventBatch, now: number): Promise<BatchItem<'sqlite'>[]> {
  const workspaceId = settings.workspaceId;
  const holdout = isHoldout(workspaceId, batch.visitorId, settings.holdoutShare) ? 1 : 0;
  const batchId = newId('ib');
  const rows = batch.events.map((e) => ({
    id: e.id,
    type: e.type,
    galleryId: e.galleryId ?? null,
    postId: e.postId ?? null,
    productId: e.productId ?? null,
    at: Math.min(now, Math.max(now - CLOCK_SKEW_MS, e.at)),
    payload: e.transaction ? { transaction: e.transaction } : null,
  }));
  const json = JSON.stringify(rows);
  const fresh = sql`with e as (
      select type, gallery_id, post_id, product_id, ${DAY} as day from events
      where workspace_id = ${workspaceId} and batch_id = ${batchId} and id in (select json_extract(value, '$.id') from json_each(${json}))
    )`;

  // Inserts from SELECTs (drizzle's insert().select(sql)) list every column of the table in order.
  const statements: BatchItem<'sqlite'>[] = [
    db
      .insert(events)
      .select(
        sql`select ${workspaceId}, json_extract(value, '$.id'), json_extract(value, '$.type'), ${batch.visitorId}, ${batch.sessionId}, ${holdout},
          json_extract(value, '$.galleryId'), json_extract(value, '$.postId'), json_extract(value, '$.productId'), json_extract(value, '$.at'), ${now},
          json_extract(value, '$.payload'), ${batchId}
        from json_each(${json}) where true`,
      )
      .onConflictDoNothing(),
    db
      .insert(dailyRollups)
      .select(
        sql`${fresh}
        select ${workspaceId}, day, dim, dim_id, sum(type = 'view_item_list'), sum(type = 'select_content'), sum(type = 'select_item'), sum(type = 'add_to_cart'), 0, 0, 0, 0
        from (
          select day, 'workspace' as dim, '' as dim_id, type from e
          union all select day, 'gallery', gallery_id, type from e where gallery_id is not null
          union all select day, 'post', post_id, type from e where post_id is not null
          union all select day, 'product', product_id, type from e where product_id is not null
        )
        where type in ('view_item_list', 'select_content', 'select_item', 'add_to_cart')
        group by day, dim, dim_id`,
      )
      .onConflictDoUpdate({
        target: [dailyRollups.workspaceId, dailyRollups.day, dailyRollups.dimension, dailyRollups.dimensionId],
        set: {
          impressions: sql`${dailyRollups.impressions} + excluded.impressions`,
          opens: sql`${dailyRollups.opens} + excluded.opens`,
          productClicks: sql`${dailyRollups.productClicks} + excluded.product_clicks`,
          addToCarts: sql`${dailyRollups.addToCarts} + excluded.add_to_carts`,
        },
      }),
    db
      .insert(visitorDays)
      .select(
        sql`${fresh}
        select ${workspaceId}, g, day, ${batch.visitorId}, ${holdout}, max(exposed), max(engaged)
        from (
          select '' as g, day, type <> 'purchase' as exposed, type in ('select_content', 'select_item', 'add_to_cart') as engaged from e
          union all select gallery_id, day, type <> 'purchase', type in ('select_content', 'select_item', 'add_to_cart') from e where gallery_id is not null
        )
        where exposed = 1
        group by g, day`,
      )
      .onConflictDoUpdate({
        target: [visitorDays.workspaceId, visitorDays.galleryId, visitorDays.day, visitorDays.visitorId],
        set: { exposed: sql`max(${visitorDays.exposed}, excluded.exposed)`, engaged: sql`max(${visitorDays.engaged}, excluded.engaged)` },
      }),
    db
      .insert(visitors)
      .select(
        sql`${fresh}
        select ${workspaceId}, g, ${batch.visitorId}, ${holdout}, max(day), max(case when engaged then day end)
        from (
          select '' as g, day, type in ('select_content', 'select_item', 'add_to_cart') as engaged from e where type <> 'purchase'
          union all select gallery_id, day, type in ('select_content', 'select_item', 'add_to_cart') from e where gallery_id is not null and type <> 'purchase'
        )
        where true
        group by g`,
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
  ];

  // Without analytics consent the visitor id lives for one page view: an order is recorded but
  // never linked to a visitor, so it cannot be attributed across pages.
  const consented = batch.consent === 'granted';
  const touches: Touch[] = rows.filter((r) => r.type !== 'purchase' && r.type !== 'vitrine_holdout').map((r) => ({ type: r.type as Touch['type'], at: r.at, galleryId: r.galleryId, postId: r.postId, productId: r.productId }));
  const seen = new Set<string>();
  for (const row of rows) {
    const transaction = row.payload?.transaction;
    if (!transaction || seen.has(transaction.transaction_id)) continue;
    seen.add(transaction.transaction_id);
    statements.push(
      ...(await orderStatements(
        db,
        settings,
        { transaction, visitorId: consented ? batch.visitorId : null, sessionId: consented ? batch.sessionId : null, channel: 'beacon', occurredAt: row.at, pendingTouches: touches },
        now,
      )),
    );
  }
  return statements;
}
