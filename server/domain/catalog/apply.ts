/**
 * Applying a previewed import: one batch upserts the staged products, marks the missing ones
 * removed (never deleted: their tags survive and come back with them), records the import and
 * its audit entry, and clears the staging. D1 and libSQL both run a batch atomically, so a
 * failure or a crash leaves the catalog entirely before or entirely after.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { CatalogImport } from '../../../shared/admin-types.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { catalogImportRows, catalogImports, productFeeds, products } from '../../db/schema.ts';
import { Conflict, Unprocessable, notFound } from '../errors.ts';
import { auditStatement } from '../audit/audit.ts';
import { appliedImportCount, importView } from './preview.ts';

/** What a re-import overwrites on a product that exists; its id, SKU, workspace and creation stay. */
const UPSERTED = ['feedId', 'groupId', 'title', 'brand', 'gtin', 'link', 'imageUrl', 'priceMinor', 'salePriceMinor', 'currency', 'availability', 'removedAt', 'contentHash', 'updatedAt'] as const;

export interface ImportActor {
  workspaceId: string;
  /** Null when the scheduler applies a feed refresh. */
  userId: string | null;
}

export async function ownImport(db: Db, workspaceId: string, importId: string) {
  const [row] = await db.select().from(catalogImports).where(and(eq(catalogImports.workspaceId, workspaceId), eq(catalogImports.id, importId)));
  if (!row) throw notFound('import');
  return row;
}

function requirePreview(row: typeof catalogImports.$inferSelect) {
  if (row.status !== 'previewed') throw new Conflict('already_' + row.status, `import: was already ${row.status}`);
}

export async function applyImport(db: Db, actor: ImportActor, importId: string, options: { skipInvalid: boolean }, now: number): Promise<CatalogImport> {
  const row = await ownImport(db, actor.workspaceId, importId);
  requirePreview(row);
  if (row.invalid > 0 && !options.skipInvalid) {
    const first = row.errors[0]!;
    throw new Unprocessable('invalid_rows', `${row.invalid} rows are invalid (line ${first.line}: ${first.message}); fix the file, or apply with skipInvalid to leave them out`, 'skipInvalid');
  }
  // The diff was computed against the catalog as it was then; another import since makes it wrong.
  if ((await appliedImportCount(db, actor.workspaceId)) !== row.appliedBefore) throw new Conflict('stale', 'import: another import was applied after this preview; preview the file again');

  const ws = actor.workspaceId;
  await runBatch(db, [
    db
      .insert(products)
      .select(
        db
          .select({
            id: catalogImportRows.productId,
            workspaceId: sql<string>`${ws}`.as('workspace_id'),
            feedId: sql<string>`${row.feedId}`.as('feed_id'),
            sku: catalogImportRows.sku,
            groupId: catalogImportRows.groupId,
            title: catalogImportRows.title,
            brand: catalogImportRows.brand,
            gtin: catalogImportRows.gtin,
            link: catalogImportRows.link,
            imageUrl: catalogImportRows.imageUrl,
            priceMinor: catalogImportRows.priceMinor,
            salePriceMinor: catalogImportRows.salePriceMinor,
            currency: catalogImportRows.currency,
            availability: catalogImportRows.availability,
            removedAt: sql<null>`null`.as('removed_at'),
            contentHash: catalogImportRows.contentHash,
            createdAt: sql<number>`${now}`.as('created_at'),
            updatedAt: sql<number>`${now}`.as('updated_at'),
          })
          .from(catalogImportRows)
          .where(and(eq(catalogImportRows.importId, importId), inArray(catalogImportRows.change, ['added', 'updated']))),
      )
      .onConflictDoUpdate({
        target: [products.workspaceId, products.sku],
        set: Object.fromEntries(UPSERTED.map((column) => [column, sql.raw(`excluded.${products[column].name}`)])),
      }),
    db
      .update(products)
      .set({ removedAt: now, updatedAt: now })
      .where(
        and(
          eq(products.workspaceId, ws),
          isNull(products.removedAt),
          inArray(products.sku, db.select({ sku: catalogImportRows.sku }).from(catalogImportRows).where(and(eq(catalogImportRows.importId, importId), eq(catalogImportRows.change, 'missing')))),
        ),
      ),
    db.update(catalogImports).set({ status: 'applied', appliedAt: now }).where(eq(catalogImports.id, importId)),
    db.delete(catalogImportRows).where(eq(catalogImportRows.importId, importId)),
    db.update(productFeeds).set({ lastImportAt: now }).where(eq(productFeeds.id, row.feedId)),
    auditStatement(db, {
      workspaceId: ws,
      actorUserId: actor.userId,
      actorKind: actor.userId ? 'user' : 'system',
      action: 'catalog.imported',
      targetType: 'feed',
      targetId: row.feedId,
      after: { importId, added: row.added, updated: row.updated, missing: row.missing, skippedInvalid: row.invalid },
      at: now,
    }),
  ]);
  return importView(db, { ...row, status: 'applied', appliedAt: now });
}

export async function discardImport(db: Db, actor: ImportActor, importId: string): Promise<CatalogImport> {
  const row = await ownImport(db, actor.workspaceId, importId);
  requirePreview(row);
  await runBatch(db, [db.update(catalogImports).set({ status: 'discarded' }).where(eq(catalogImports.id, importId)), db.delete(catalogImportRows).where(eq(catalogImportRows.importId, importId))]);
  return importView(db, { ...row, status: 'discarded' });
}
