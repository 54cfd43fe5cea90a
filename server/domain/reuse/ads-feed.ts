/**
 * The ads feed: a Google Merchant Center supplemental feed (TSV) that adds to each product the
 * images of approved posts tagged with it whose active, verified consent covers ads. A
 * supplemental feed only adds attributes to products the merchant's primary feed already has,
 * keyed by `id` (the SKU Vitrine imported), so products with no such post are left out and keep
 * their own attributes.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { postProducts, posts, products } from '../../db/schema.ts';
import { loadMedia } from '../posts/post-media.ts';
import { reusableWhere } from './scope.ts';

/** Merchant Center reads at most 10 additional images per product. */
export const MAX_ADDITIONAL_IMAGES = 10;

/** Tabs and line breaks would split a field or a row: each becomes a space. */
const field = (text: string) => text.replace(/[\t\r\n\u2028\u2029]+/g, ' ');

export async function adsFeedTsv(db: Db, workspaceId: string, now: number, mediaUrl: (key: string) => string): Promise<string> {
  const pairs = await db
    .selectDistinct({ sku: products.sku, postId: posts.id, publishedAt: posts.publishedAt })
    .from(postProducts)
    .innerJoin(products, eq(products.id, postProducts.productId))
    .innerJoin(posts, eq(posts.id, postProducts.postId))
    .where(and(eq(products.workspaceId, workspaceId), isNull(products.removedAt), eq(posts.workspaceId, workspaceId), reusableWhere('ads', now)))
    .orderBy(products.sku, desc(posts.publishedAt), desc(posts.id));

  const media = await loadMedia(db, [...new Set(pairs.map((p) => p.postId))], mediaUrl);
  // Each post's image: its first stored picture's largest rendition (a video's still frame).
  const imageOf = (postId: string) => media.get(postId)?.find((m) => m.variants.length > 0)?.variants.at(-1)?.url;

  const images = new Map<string, string[]>();
  for (const { sku, postId } of pairs) {
    const url = imageOf(postId);
    const list = images.get(sku) ?? [];
    if (url && list.length < MAX_ADDITIONAL_IMAGES && !list.includes(url)) images.set(sku, [...list, url]);
  }
  // The list is comma-separated: a comma inside a URL is written percent-encoded.
  const rows = [...images].map(([sku, urls]) => `${field(sku)}\t${urls.map((u) => field(u).replaceAll(',', '%2C')).join(',')}`);
  return ['id\tadditional_image_link', ...rows].join('\n') + '\n';
}
