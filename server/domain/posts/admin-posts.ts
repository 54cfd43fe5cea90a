/**
 * The inbox: a workspace's posts with filters, search, counts per status, and the detail view.
 * Every query is scoped to the workspace of the caller's session.
 */
import { and, asc, count, desc, eq, exists, gt, gte, inArray, isNull, lt, lte, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { AdminPost, AdminPostDetail, AdminPostsPage, ModerationStatus } from '../../../shared/admin-types.ts';
import type { z } from 'zod';
import type { inboxQuery } from '../../../shared/schemas/moderation.ts';
import { inChunks, type Db } from '../../db/client.ts';
import { containsPattern } from '../../db/contains-pattern.ts';
import { consentRecords, postMedia, postProducts, posts, postSources, products, sources } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { encodeCursor, type Cursor } from '../../lib/cursor.ts';
import { isPublicPost } from './publicness.ts';
import { campaignEntryWhere } from '../campaigns/entries.ts';
import { safeLinkOrNull } from '../../lib/safe-url.ts';
import { loadMedia, toPublicProduct } from './post-media.ts';
import { postPerformance } from '../reports/post-performance.ts';

export type InboxQuery = z.infer<typeof inboxQuery>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Everything but the status: the tabs count posts under the same search and filters. */
function filterConditions(workspaceId: string, q: InboxQuery, now: number): SQL[] {
  // An erased post (the author's erasure, the Instagram data retention) is an empty tombstone with nothing to moderate.
  const conditions: SQL[] = [eq(posts.workspaceId, workspaceId), isNull(posts.erasedAt)];
  if (q.q) {
    conditions.push(
      or(sql`lower(${posts.caption}) like ${containsPattern(q.q)} escape '\\'`, sql`lower(${posts.authorUsername}) like ${containsPattern(q.q.replace(/^@/, ''))} escape '\\'`)!,
    );
  }
  if (q.source) conditions.push(exists(sql`(select 1 from ${postSources} where ${postSources.postId} = ${posts.id} and ${postSources.sourceId} = ${q.source})`));
  if (q.campaign) conditions.push(campaignEntryWhere(q.campaign));
  if (q.rights === 'expired') conditions.push(eq(posts.rightsStatus, 'granted'), lte(posts.rightsExpiresAt, now));
  else if (q.rights === 'granted') conditions.push(eq(posts.rightsStatus, 'granted'), or(isNull(posts.rightsExpiresAt), gt(posts.rightsExpiresAt, now))!);
  else if (q.rights) conditions.push(eq(posts.rightsStatus, q.rights));
  if (q.mediaType) conditions.push(eq(posts.mediaType, q.mediaType));
  const tagged = sql`(select 1 from ${postProducts} where ${postProducts.postId} = ${posts.id})`;
  if (q.hasProducts === 'true') conditions.push(exists(tagged));
  if (q.hasProducts === 'false') conditions.push(notExists(tagged));
  if (q.collectedAfter !== undefined) conditions.push(gt(posts.collectedAt, q.collectedAfter));
  if (q.from) conditions.push(gte(posts.publishedAt, Date.parse(q.from)));
  // A bare date as `to` means the whole of that day.
  if (q.to) conditions.push(lte(posts.publishedAt, Date.parse(q.to) + (q.to.length === 10 ? 86_399_999 : 0)));
  return conditions;
}

export async function listInbox(db: Db, workspaceId: string, q: InboxQuery, cursor: Cursor | null, now: number, mediaUrl: (key: string) => string): Promise<AdminPostsPage> {
  const filters = filterConditions(workspaceId, q, now);
  const after = cursor?.kind === 'key' ? or(lt(posts.collectedAt, cursor.at), and(eq(posts.collectedAt, cursor.at), lt(posts.id, cursor.id))) : undefined;
  const [rows, countRows] = await Promise.all([
    db
      .select()
      .from(posts)
      .where(and(...filters, eq(posts.moderationStatus, q.status), after))
      .orderBy(desc(posts.collectedAt), desc(posts.id))
      .limit(q.limit + 1),
    db.select({ status: posts.moderationStatus, n: count() }).from(posts).where(and(...filters)).groupBy(posts.moderationStatus),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const counts: Record<ModerationStatus, number> = { pending: 0, approved: 0, rejected: 0, hidden: 0 };
  for (const row of countRows) counts[row.status] = row.n;
  return {
    posts: await describePosts(db, page, now, mediaUrl),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ kind: 'key', at: last.collectedAt, id: last.id }) : null,
    counts,
  };
}

export async function getPostDetail(db: Db, workspaceId: string, id: string, now: number, mediaUrl: (key: string) => string): Promise<AdminPostDetail> {
  const [row] = await db.select().from(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, id))).limit(1);
  if (!row) throw notFound('post');
  const [[post], tags, consent] = await Promise.all([
    describePosts(db, [row], now, mediaUrl),
    db
      .select({ tag: postProducts, product: products })
      .from(postProducts)
      .innerJoin(products, eq(products.id, postProducts.productId))
      .where(eq(postProducts.postId, id))
      .orderBy(asc(postProducts.position)),
    db.select().from(consentRecords).where(eq(consentRecords.postId, id)).orderBy(asc(consentRecords.recordedAt)),
  ]);
  return {
    ...post!,
    products: tags.map(({ tag, product }) => ({ ...toPublicProduct(product), tagId: tag.id, hotspot: { mediaId: tag.mediaId, x: tag.x, y: tag.y } })),
    consent: consent.map((r) => ({ id: r.id, kind: r.kind, channel: r.channel, verification: r.verification, recordedAt: iso(r.recordedAt)!, termsHash: r.termsHash, expiresAt: iso(r.expiresAt) })),
  };
}

async function describePosts(db: Db, rows: (typeof posts.$inferSelect)[], now: number, mediaUrl: (key: string) => string): Promise<AdminPost[]> {
  const ids = rows.map((r) => r.id);
  const [mediaByPost, issues, sourceRows, productCounts, performance] = await Promise.all([
    loadMedia(db, ids, mediaUrl),
    Promise.all(
      inChunks(ids, (chunk) =>
        db
          .select({ postId: postMedia.postId, position: postMedia.position, type: postMedia.type, status: postMedia.storeStatus, error: postMedia.storeError })
          .from(postMedia)
          .where(and(inArray(postMedia.postId, chunk), ne(postMedia.storeStatus, 'stored')))
          .orderBy(asc(postMedia.position)),
      ),
    ).then((r) => r.flat()),
    Promise.all(
      inChunks(ids, (chunk) =>
        db
          .select({ postId: postSources.postId, id: sources.id, kind: sources.kind, query: sources.query })
          .from(postSources)
          .innerJoin(sources, eq(sources.id, postSources.sourceId))
          .where(inArray(postSources.postId, chunk)),
      ),
    ).then((r) => r.flat()),
    Promise.all(
      inChunks(ids, (chunk) =>
        db.select({ postId: postProducts.postId, n: count() }).from(postProducts).where(inArray(postProducts.postId, chunk)).groupBy(postProducts.postId),
      ),
    ).then((r) => r.flat()),
    postPerformance(db, rows[0]?.workspaceId ?? '', ids, now),
  ]);
  return rows.map((r) => ({
    id: r.id,
    mediaType: r.mediaType,
    caption: r.caption,
    author: { username: r.authorUsername },
    permalink: safeLinkOrNull(r.permalink),
    publishedAt: iso(r.publishedAt)!,
    collectedAt: iso(r.collectedAt)!,
    moderation: { status: r.moderationStatus, ruleId: r.moderationRuleId, reason: r.moderationReason, at: iso(r.moderatedAt) },
    rights: { status: r.rightsStatus, expiresAt: iso(r.rightsExpiresAt), verification: r.rightsVerification, erasureDueAt: iso(r.erasureDueAt) },
    sourceDeleted: r.sourceDeletedAt !== null,
    isPublic: isPublicPost(r, now) && (mediaByPost.get(r.id)?.length ?? 0) > 0,
    sources: sourceRows.filter((s) => s.postId === r.id).map((s) => ({ id: s.id, kind: s.kind, label: sourceLabel(s.kind, s.query) })),
    media: mediaByPost.get(r.id) ?? [],
    mediaIssues: issues.filter((i) => i.postId === r.id).map(({ postId: _p, status, ...issue }) => ({ ...issue, status: status as 'pending' | 'failed' })),
    productCount: productCounts.find((p) => p.postId === r.id)?.n ?? 0,
    performance: performance.get(r.id) ?? null,
  }));
}

export function sourceLabel(kind: string, query: string | null): string {
  switch (kind) {
    case 'hashtag':
      return `#${query ?? ''}`;
    case 'tagged':
      return 'Tagged photos';
    case 'mentions':
      return '@mentions';
    case 'own':
      return 'Own posts';
    case 'manual':
      return 'Manual upload';
    default:
      return query ? `Import: ${query}` : 'Import';
  }
}
