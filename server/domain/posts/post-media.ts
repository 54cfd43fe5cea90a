/**
 * What a page of posts shows besides the post row itself: stored media with their display
 * renditions, and tagged products with hotspots. Shared by the public API and the panel.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { PublicHotspot, PublicMedia, PublicProduct } from '../../../shared/api-types.ts';
import { inChunks, type Db } from '../../db/client.ts';
import { mediaVariants, postMedia, postProducts, products } from '../../db/schema.ts';
import { shopperPrice } from '../../lib/money.ts';
import { safeLinkOrNull } from '../../lib/safe-url.ts';

/** The stored media of the page's posts with their display renditions, in one query. */
export async function loadMedia(db: Db, postIds: string[], mediaUrl: (key: string) => string) {
  const rows = (
    await Promise.all(
      inChunks(postIds, (ids) =>
        db
          .select({
            media: { id: postMedia.id, postId: postMedia.postId, type: postMedia.type, width: postMedia.width, height: postMedia.height, altText: postMedia.altText },
            variant: { role: mediaVariants.role, storageKey: mediaVariants.storageKey, width: mediaVariants.width, height: mediaVariants.height, format: mediaVariants.format },
          })
          .from(postMedia)
          .innerJoin(mediaVariants, and(eq(mediaVariants.mediaId, postMedia.id), inArray(mediaVariants.role, ['display', 'video'])))
          .where(and(inArray(postMedia.postId, ids), eq(postMedia.storeStatus, 'stored')))
          .orderBy(asc(postMedia.postId), asc(postMedia.position), asc(mediaVariants.width)),
      ),
    )
  ).flat();

  const byPost = new Map<string, PublicMedia[]>();
  const byMedia = new Map<string, PublicMedia>();
  for (const { media: m, variant: v } of rows) {
    let item = byMedia.get(m.id);
    if (!item) {
      item = { id: m.id, type: m.type, width: m.width ?? 0, height: m.height ?? 0, alt: m.altText ?? '', variants: [], videoUrl: null };
      byMedia.set(m.id, item);
      byPost.set(m.postId, [...(byPost.get(m.postId) ?? []), item]);
    }
    if (v.role === 'video') item.videoUrl = mediaUrl(v.storageKey);
    else item.variants.push({ url: mediaUrl(v.storageKey), width: v.width, height: v.height, format: v.format === 'jpeg' ? 'jpeg' : 'webp' });
  }
  for (const item of byMedia.values()) {
    // Media stored before their size was known take the largest rendition's.
    const largest = item.variants.at(-1);
    if (!item.width && largest) Object.assign(item, { width: largest.width, height: largest.height });
  }
  return byPost;
}

export async function loadProductTags(db: Db, postIds: string[]) {
  const rows = (
    await Promise.all(
      inChunks(postIds, (ids) =>
        db
          .select({
            tag: { postId: postProducts.postId, mediaId: postProducts.mediaId, x: postProducts.x, y: postProducts.y },
            product: PUBLIC_PRODUCT_COLUMNS,
          })
          .from(postProducts)
          .innerJoin(products, eq(products.id, postProducts.productId))
          .where(and(inArray(postProducts.postId, ids), isNull(products.removedAt)))
          .orderBy(asc(postProducts.position)),
      ),
    )
  ).flat();

  const byPost = new Map<string, { products: PublicProduct[]; hotspots: PublicHotspot[] }>();
  for (const { tag, product } of rows) {
    const entry = byPost.get(tag.postId) ?? { products: [], hotspots: [] };
    if (!entry.products.some((p) => p.id === product.id)) entry.products.push(toPublicProduct(product));
    entry.hotspots.push({ productId: product.id, mediaId: tag.mediaId, x: tag.x, y: tag.y });
    byPost.set(tag.postId, entry);
  }
  return byPost;
}

/** Only the columns shoppers see: fewer columns is less row decoding on the hottest route. */
const PUBLIC_PRODUCT_COLUMNS = {
  id: products.id,
  sku: products.sku,
  title: products.title,
  priceMinor: products.priceMinor,
  salePriceMinor: products.salePriceMinor,
  currency: products.currency,
  availability: products.availability,
  imageUrl: products.imageUrl,
  link: products.link,
};

export function toPublicProduct(product: { [K in keyof typeof PUBLIC_PRODUCT_COLUMNS]: (typeof products.$inferSelect)[K] }): PublicProduct {
  return {
    id: product.id,
    sku: product.sku,
    title: product.title,
    price: shopperPrice({ minor: product.priceMinor, sale: product.salePriceMinor, currency: product.currency }),
    availability: product.availability,
    imageUrl: safeLinkOrNull(product.imageUrl),
    // A product without a safe link cannot be shopped; the store's home is the honest fallback.
    link: safeLinkOrNull(product.link) ?? '/',
  };
}
