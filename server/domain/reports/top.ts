import { and, asc, between, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ReportTopRow, TopDimension } from '../../../shared/report-types.ts';
import { shortenText } from '../../../shared/text.ts';
import { inChunks, type Db } from '../../db/client.ts';
import { dailyRollups, galleries, mediaVariants, postMedia, posts, products } from '../../db/schema.ts';
import { orderCounters } from './order-counters.ts';
import type { ReportQuery } from './query.ts';

/**
 * Posts, products or galleries ranked by attributed revenue (of confirmed orders only when the
 * workspace counts only those), then orders, then opens. Labels and pictures come from the
 * workspace's own rows only (ids in rollups came from browsers). A gallery filter narrows the
 * gallery ranking to that gallery; post and product rollups are kept across galleries.
 */
export async function reportTop(db: Db, q: ReportQuery, dimension: TopDimension, limit: number, mediaUrl: (key: string) => string): Promise<ReportTopRow[]> {
  const r = dailyRollups;
  const counted = orderCounters(q.confirmedOnly);
  const revenue = sql<number>`sum(${counted.revenueMinor})`;
  const ordersSum = sql<number>`sum(${counted.orders})`;
  const opens = sql<number>`sum(${r.opens})`;
  const rows = await db
    .select({
      id: r.dimensionId,
      impressions: sql<number>`sum(${r.impressions})`,
      opens,
      productClicks: sql<number>`sum(${r.productClicks})`,
      addToCarts: sql<number>`sum(${r.addToCarts})`,
      orders: ordersSum,
      revenueMinor: revenue,
      assistedOrders: sql<number>`sum(${counted.assistedOrders})`,
      assistedRevenueMinor: sql<number>`sum(${counted.assistedRevenueMinor})`,
    })
    .from(r)
    .where(and(eq(r.workspaceId, q.workspaceId), eq(r.dimension, dimension), between(r.day, q.from, q.to), dimension === 'gallery' && q.galleryId ? eq(r.dimensionId, q.galleryId) : undefined))
    .groupBy(r.dimensionId)
    .orderBy(desc(revenue), desc(ordersSum), desc(opens), asc(r.dimensionId))
    .limit(limit);
  const labels = await labelsFor(db, q.workspaceId, dimension, rows.map((row) => row.id), mediaUrl);
  return rows.map((row) => ({ ...row, label: labels.get(row.id)?.label ?? row.id, imageUrl: labels.get(row.id)?.imageUrl ?? null }));
}

type Labels = Map<string, { label: string; imageUrl: string | null }>;

async function labelsFor(db: Db, workspaceId: string, dimension: TopDimension, ids: string[], mediaUrl: (key: string) => string): Promise<Labels> {
  const all = <T>(statements: Promise<T[]>[]) => Promise.all(statements).then((r) => r.flat());
  if (dimension === 'gallery') {
    const rows = await all(inChunks(ids, (chunk) => db.select({ id: galleries.id, name: galleries.name }).from(galleries).where(and(eq(galleries.workspaceId, workspaceId), inArray(galleries.id, chunk)))));
    return new Map(rows.map((g) => [g.id, { label: g.name, imageUrl: null }]));
  }
  if (dimension === 'product') {
    const rows = await all(
      inChunks(ids, (chunk) => db.select({ id: products.id, title: products.title, sku: products.sku, imageUrl: products.imageUrl }).from(products).where(and(eq(products.workspaceId, workspaceId), inArray(products.id, chunk)))),
    );
    return new Map(rows.map((p) => [p.id, { label: `${p.title} (${p.sku})`, imageUrl: p.imageUrl }]));
  }
  const [postRows, pictures] = await Promise.all([
    all(inChunks(ids, (chunk) => db.select({ id: posts.id, caption: posts.caption, author: posts.authorUsername }).from(posts).where(and(eq(posts.workspaceId, workspaceId), inArray(posts.id, chunk))))),
    // The smallest display rendition of each post's first picture.
    all(
      inChunks(ids, (chunk) =>
        db
          .select({ postId: postMedia.postId, key: mediaVariants.storageKey, width: mediaVariants.width })
          .from(postMedia)
          .innerJoin(mediaVariants, eq(mediaVariants.mediaId, postMedia.id))
          .where(and(inArray(postMedia.postId, chunk), eq(postMedia.position, 0), eq(mediaVariants.role, 'display'), isNotNull(mediaVariants.storageKey))),
      ),
    ),
  ]);
  const smallest = new Map<string, { key: string; width: number }>();
  for (const p of pictures) if (!smallest.has(p.postId) || smallest.get(p.postId)!.width > p.width) smallest.set(p.postId, p);
  return new Map(
    postRows.map((p) => {
      const words = shortenText(p.caption, 60);
      const key = smallest.get(p.id)?.key;
      return [p.id, { label: [p.author ? `@${p.author}` : null, words].filter(Boolean).join(': ') || p.id, imageUrl: key ? mediaUrl(key) : null }];
    }),
  );
}
