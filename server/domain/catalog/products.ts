import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PublicProduct } from '../../../shared/api-types.ts';
import { inChunks, type Db } from '../../db/client.ts';
import { containsPattern } from '../../db/contains-pattern.ts';
import { products } from '../../db/schema.ts';
import { toPublicProduct } from '../posts/post-media.ts';

/** The workspace's live products, matching `q` in title, SKU or brand when given. */
export function productsMatching(workspaceId: string, q: string | undefined): SQL {
  const pattern = q ? containsPattern(q) : null;
  return and(
    eq(products.workspaceId, workspaceId),
    isNull(products.removedAt),
    pattern
      ? or(sql`lower(${products.title}) like ${pattern} escape '\\'`, sql`lower(${products.sku}) like ${pattern} escape '\\'`, sql`lower(coalesce(${products.brand}, '')) like ${pattern} escape '\\'`)
      : undefined,
  )!;
}

/** The workspace's products matching `q` in title, SKU or brand (all of them without `q`). */
export async function searchProducts(db: Db, workspaceId: string, q: string | undefined, limit: number): Promise<PublicProduct[]> {
  const rows = await db.select().from(products).where(productsMatching(workspaceId, q)).orderBy(asc(products.title)).limit(limit);
  return rows.map(toPublicProduct);
}

/** The workspace's products with these ids (removed ones too: a gallery filter may still name them). */
export async function productsByIds(db: Db, workspaceId: string, ids: string[]): Promise<PublicProduct[]> {
  const chunks = await Promise.all(inChunks(ids, (chunk) => db.select().from(products).where(and(eq(products.workspaceId, workspaceId), inArray(products.id, chunk)))));
  return chunks.flat().map(toPublicProduct);
}
