/**
 * The posts a gallery shows to shoppers. Every query here goes through `publicPostWhere`
 * (invariant 1), so nothing that is not approved and rights-cleared can leak out.
 */
import { and, desc, eq, exists, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PublicPost } from '../../../shared/api-types.ts';
import type { Db } from '../../db/client.ts';
import { dailyRollups, galleryPosts, postMedia, postProducts, posts, postSources, products } from '../../db/schema.ts';
import { encodeCursor, type Cursor } from '../../lib/cursor.ts';
import { publicPostWhere } from './publicness.ts';
import { captionHasHashtag } from './caption-hashtag.ts';
import { campaignEntryWhere } from '../campaigns/entries.ts';
import { scopeCoversWhere, type ConsentUse } from '../reuse/scope.ts';
import { safeLinkOrNull } from '../../lib/safe-url.ts';
import type { Gallery } from '../galleries/galleries.ts';
import { orderCounters } from '../reports/order-counters.ts';
import { trackingSettings } from '../tracking/settings.ts';
import { loadMedia, loadProductTags } from './post-media.ts';

export interface ListGalleryPostsInput {
  gallery: Gallery;
  limit: number;
  cursor: Cursor | null;
  now: number;
  /** Turns a media storage key into the absolute URL shoppers' browsers fetch. */
  mediaUrl: (storageKey: string) => string;
  /** Only posts showing this product (its SKU, or its group's id), for product pages. */
  product?: { query: string; inStockOnly: boolean } | undefined;
  /** Only posts whose consent also covers this use (the email block: 'email'). */
  use?: ConsentUse | undefined;
}

export interface GalleryPostsPage {
  posts: PublicPost[];
  nextCursor: string | null;
}

/**
 * "Best performing" ranks by the revenue attributed to each post over the last 30 days (what the
 * panel says it does; confirmed orders only when the workspace counts only those); posts that
 * sold nothing yet follow by engagement, whose weights favour what leads to a sale, so a new
 * gallery is ordered sensibly before its first order.
 */
const BEST_WINDOW_DAYS = 30;
const postRollups = (total: SQL, sinceDay: string) => sql<number>`coalesce((select sum(${total})
  from ${dailyRollups} where ${dailyRollups.workspaceId} = ${posts.workspaceId} and ${dailyRollups.dimension} = 'post'
  and ${dailyRollups.dimensionId} = ${posts.id} and ${dailyRollups.day} >= ${sinceDay}), 0)`;
function bestOrder(sinceDay: string, confirmedOnly: boolean) {
  const counted = orderCounters(confirmedOnly);
  return [
    desc(postRollups(sql`${counted.revenueMinor}`, sinceDay)),
    desc(postRollups(sql`${dailyRollups.opens} + ${dailyRollups.productClicks} + 2 * ${dailyRollups.addToCarts} + 5 * ${counted.orders}`, sinceDay)),
  ];
}

interface PostRow {
  id: string;
  mediaType: 'image' | 'video' | 'carousel';
  caption: string;
  authorUsername: string | null;
  permalink: string | null;
  publishedAt: number;
}

/**
 * One page of a gallery in its sort order: newest first (keyset cursor), manual (curated
 * positions first, then newest), or best performing (then newest); the last two page by offset.
 */
export async function listGalleryPosts(db: Db, input: ListGalleryPostsInput): Promise<GalleryPostsPage> {
  const { gallery, limit, cursor, now } = input;
  const where = and(eq(posts.workspaceId, gallery.workspaceId), publicPostWhere(now), hasStoredMedia(), ...galleryFilters(gallery), input.product ? showsProduct(input.product) : undefined, input.use ? scopeCoversWhere(input.use) : undefined);
  const columns = {
    id: posts.id,
    mediaType: posts.mediaType,
    caption: posts.caption,
    authorUsername: posts.authorUsername,
    permalink: posts.permalink,
    publishedAt: posts.publishedAt,
  };

  let rows: PostRow[];
  let nextCursor: string | null = null;
  if (gallery.sort === 'newest') {
    if (cursor?.kind === 'offset') throw new Error('unreachable: offset cursor on a keyset list'); // rejected by the route
    const after = cursor ? or(lt(posts.publishedAt, cursor.at), and(eq(posts.publishedAt, cursor.at), lt(posts.id, cursor.id))) : undefined;
    rows = await db.select(columns).from(posts).where(and(where, after)).orderBy(desc(posts.publishedAt), desc(posts.id)).limit(limit + 1);
    const last = rows[limit - 1];
    if (rows.length > limit && last) nextCursor = encodeCursor({ kind: 'key', at: last.publishedAt, id: last.id });
  } else {
    const offset = cursor?.kind === 'offset' ? cursor.offset : 0;
    const since = new Date(now - BEST_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
    const first =
      gallery.sort === 'manual'
        ? [sql`coalesce((select ${galleryPosts.position} from ${galleryPosts} where ${galleryPosts.galleryId} = ${gallery.id} and ${galleryPosts.postId} = ${posts.id}), 2147483647)`]
        : bestOrder(since, (await trackingSettings(db, gallery.workspaceId))?.confirmedOrdersOnly ?? false);
    rows = await db.select(columns).from(posts).where(where).orderBy(...first, desc(posts.publishedAt), desc(posts.id)).limit(limit + 1).offset(offset);
    if (rows.length > limit) nextCursor = encodeCursor({ kind: 'offset', offset: offset + limit });
  }

  const page = rows.slice(0, limit);
  const postIds = page.map((p) => p.id);
  const [mediaByPost, tagsByPost] = await Promise.all([loadMedia(db, postIds, input.mediaUrl), loadProductTags(db, postIds)]);
  return {
    nextCursor,
    posts: page.map((p) => ({
      id: p.id,
      mediaType: p.mediaType,
      caption: p.caption,
      author: { username: p.authorUsername },
      permalink: safeLinkOrNull(p.permalink),
      publishedAt: new Date(p.publishedAt).toISOString(),
      media: mediaByPost.get(p.id) ?? [],
      products: tagsByPost.get(p.id)?.products ?? [],
      hotspots: tagsByPost.get(p.id)?.hotspots ?? [],
    })),
  };
}

/** A gallery's filters: any of its sources, any of its hashtags, any of its products, and a campaign's entries. */
function galleryFilters(gallery: Gallery): SQL[] {
  const { sourceIds = [], hashtags = [], productIds = [], campaignId } = gallery.filters;
  const conditions: SQL[] = [];
  if (sourceIds.length > 0) {
    conditions.push(exists(sql`(select 1 from ${postSources} where ${postSources.postId} = ${posts.id} and ${postSources.sourceId} in ${sourceIds})`));
  }
  if (hashtags.length > 0) {
    conditions.push(or(...hashtags.map((tag) => captionHasHashtag(tag.toLowerCase())))!);
  }
  if (campaignId) conditions.push(campaignEntryWhere(campaignId));
  if (productIds.length > 0) {
    conditions.push(exists(sql`(select 1 from ${postProducts} where ${postProducts.postId} = ${posts.id} and ${postProducts.productId} in ${productIds})`));
  }
  return conditions;
}

/** Posts tagged with the product (by SKU, or any product of the group) that is still sold. */
function showsProduct({ query, inStockOnly }: { query: string; inStockOnly: boolean }) {
  return exists(
    sql`(select 1 from ${postProducts} join ${products} on ${products.id} = ${postProducts.productId}
      where ${postProducts.postId} = ${posts.id} and ${products.workspaceId} = ${posts.workspaceId}
      and (${products.sku} = ${query} or ${products.groupId} = ${query}) and ${products.removedAt} is null
      ${inStockOnly ? sql`and ${products.availability} = 'in_stock'` : sql``})`,
  );
}

/** A post can only be shown once at least one of its media has been re-hosted. */
function hasStoredMedia() {
  return exists(sql`(select 1 from ${postMedia} where ${postMedia.postId} = ${posts.id} and ${postMedia.storeStatus} = 'stored')`);
}
