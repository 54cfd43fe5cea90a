/**
 * The catalog as a table the merchant can read: every live product with its feed and how many
 * posts show it, searchable, a page at a time (by title, then id, so pages do not shift).
 */
import { asc, count, eq, sql } from 'drizzle-orm';
import type { CatalogProductsPage } from '../../../shared/admin-types.ts';
import type { Db } from '../../db/client.ts';
import { postProducts, productFeeds, products } from '../../db/schema.ts';
import { toPublicProduct } from '../posts/post-media.ts';
import { productsMatching } from './products.ts';

export async function catalogTable(db: Db, workspaceId: string, { q, offset, limit }: { q: string | undefined; offset: number; limit: number }): Promise<CatalogProductsPage> {
  const where = productsMatching(workspaceId, q);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        product: products,
        feed: productFeeds.name,
        taggedPosts: sql<number>`(select count(distinct ${postProducts.postId}) from ${postProducts} where ${postProducts.productId} = ${products.id})`,
      })
      .from(products)
      .leftJoin(productFeeds, eq(productFeeds.id, products.feedId))
      .where(where)
      .orderBy(asc(products.title), asc(products.id))
      .limit(limit + 1)
      .offset(offset),
    db.select({ n: count() }).from(products).where(where),
  ]);
  return {
    products: rows.slice(0, limit).map(({ product, feed, taggedPosts }) => ({ ...toPublicProduct(product), feed, taggedPosts: Number(taggedPosts) })),
    total: total?.n ?? 0,
    nextOffset: rows.length > limit ? offset + limit : null,
  };
}
