/** Product feeds: where a workspace's catalog comes from. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { CatalogFeed } from '../../../shared/admin-types.ts';
import type { feedInput, feedPatch } from '../../../shared/schemas/catalog.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { catalogImports, productFeeds, products } from '../../db/schema.ts';
import { Invalid, notFound } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { urlRefusal } from '../../outbound/target.ts';
import { auditStatement } from '../audit/audit.ts';
import type { Actor } from '../posts/moderation.ts';

type FeedRow = typeof productFeeds.$inferSelect;

function toView(feed: FeedRow, productCount: number, waitingImportId: string | null): CatalogFeed {
  return {
    id: feed.id,
    name: feed.name,
    format: feed.format,
    url: feed.url,
    refreshHours: feed.refreshIntervalSeconds === null ? null : feed.refreshIntervalSeconds / 3600,
    currency: feed.currency,
    storeUrl: feed.storeUrl,
    productCount,
    lastImportAt: feed.lastImportAt,
    nextRunAt: feed.nextRunAt,
    lastError: feed.lastError,
    waitingImportId,
  };
}

/**
 * The newest preview of each feed that nobody has applied or discarded, by feed id: it stays in
 * view on the feed after the merchant leaves the page, instead of waiting unseen.
 */
async function waitingImports(db: Db, workspaceId: string, feedId?: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ feedId: catalogImports.feedId, id: catalogImports.id })
    .from(catalogImports)
    .where(and(eq(catalogImports.workspaceId, workspaceId), eq(catalogImports.status, 'previewed'), feedId ? eq(catalogImports.feedId, feedId) : undefined))
    .orderBy(desc(catalogImports.createdAt), desc(catalogImports.id));
  const newest = new Map<string, string>();
  for (const row of rows) if (!newest.has(row.feedId)) newest.set(row.feedId, row.id);
  return newest;
}

export async function ownFeed(db: Db, workspaceId: string, feedId: string): Promise<FeedRow> {
  const [feed] = await db.select().from(productFeeds).where(and(eq(productFeeds.workspaceId, workspaceId), eq(productFeeds.id, feedId)));
  if (!feed) throw notFound('feed');
  return feed;
}

export async function listFeeds(db: Db, workspaceId: string): Promise<CatalogFeed[]> {
  const [feeds, counts, waiting] = await Promise.all([
    db.select().from(productFeeds).where(eq(productFeeds.workspaceId, workspaceId)).orderBy(desc(productFeeds.createdAt)),
    db
      .select({ feedId: products.feedId, n: count() })
      .from(products)
      .where(and(eq(products.workspaceId, workspaceId), isNull(products.removedAt)))
      .groupBy(products.feedId),
    waitingImports(db, workspaceId),
  ]);
  const byFeed = new Map(counts.map((c) => [c.feedId, c.n]));
  return feeds.map((feed) => toView(feed, byFeed.get(feed.id) ?? 0, waiting.get(feed.id) ?? null));
}

export async function feedView(db: Db, feed: FeedRow): Promise<CatalogFeed> {
  const [[row], waiting] = await Promise.all([
    db
      .select({ n: count() })
      .from(products)
      .where(and(eq(products.workspaceId, feed.workspaceId), eq(products.feedId, feed.id), isNull(products.removedAt))),
    waitingImports(db, feed.workspaceId, feed.id),
  ]);
  return toView(feed, row?.n ?? 0, waiting.get(feed.id) ?? null);
}

function checkUrl(url: string | null | undefined) {
  // The server will fetch it: only public https hosts, never its own network.
  const refusal = url ? urlRefusal(url) : null;
  if (refusal) throw new Invalid('invalid_parameter', `url: must be an https address on a public host (${refusal})`, 'url');
}

export async function createFeed(db: Db, actor: Actor, input: z.infer<typeof feedInput>, now: number): Promise<CatalogFeed> {
  checkUrl(input.url);
  const feed: FeedRow = {
    id: newId('feed'),
    workspaceId: actor.workspaceId,
    name: input.name,
    format: input.format,
    url: input.url ?? null,
    refreshIntervalSeconds: input.refreshHours ? input.refreshHours * 3600 : null,
    nextRunAt: input.refreshHours ? now : null,
    lastImportAt: null,
    lastError: null,
    currency: input.currency ?? null,
    storeUrl: input.storeUrl ?? (input.format === 'shopify_json' && input.url ? new URL(input.url).origin : null),
    createdAt: now,
  };
  await runBatch(db, [
    db.insert(productFeeds).values(feed),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'feed.created', targetType: 'feed', targetId: feed.id, after: { name: feed.name, format: feed.format, url: feed.url }, at: now }),
  ]);
  return toView(feed, 0, null);
}

export async function updateFeed(db: Db, actor: Actor, feedId: string, patch: z.infer<typeof feedPatch>, now: number): Promise<CatalogFeed> {
  const before = await ownFeed(db, actor.workspaceId, feedId);
  checkUrl(patch.url);
  const url = patch.url === undefined ? before.url : patch.url;
  const refreshHours = patch.refreshHours === undefined ? (before.refreshIntervalSeconds ?? 0) / 3600 || null : patch.refreshHours;
  if (refreshHours && !url) throw new Invalid('invalid_parameter', 'refreshHours: needs a url to refresh from', 'refreshHours');
  const changes = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
    ...(patch.storeUrl !== undefined ? { storeUrl: patch.storeUrl } : {}),
    url,
    refreshIntervalSeconds: refreshHours ? refreshHours * 3600 : null,
    nextRunAt: refreshHours ? (before.nextRunAt ?? now) : null,
  };
  await runBatch(db, [
    db.update(productFeeds).set(changes).where(eq(productFeeds.id, feedId)),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'feed.updated', targetType: 'feed', targetId: feedId, before: { name: before.name, url: before.url }, after: patch, at: now }),
  ]);
  return feedView(db, { ...before, ...changes });
}
