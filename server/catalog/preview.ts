/**
 * An import's first step: read the feed row by row, compare each product with the catalog, and
 * stage only what would change (added, updated, missing) in catalog_import_rows. Nothing in
 * `products` is touched until the preview is applied (apply.ts), in one batch.
 *
 * Memory stays flat in the feed's size: rows stream in, staged rows are written 500 at a time,
 * and what is kept per product is its SKU, id, hash and title (for the "missing" list).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { CatalogImport, CatalogRowError } from '../../shared/admin-types.ts';
import { chunkForParameters, runBatch, type Db } from '../db/client.ts';
import { catalogImportRows, catalogImports, products, productFeeds } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { FeedFetchError } from './fetch-feed.ts';
import { contentHash, toProductRow } from './product-row.ts';
import { FeedSyntaxError, type FeedRow } from './read/feed-rows.ts';
import { BodyTooLargeError } from './read/text-chunks.ts';

type Feed = typeof productFeeds.$inferSelect;
type StagedRow = typeof catalogImportRows.$inferInsert;
type ImportRow = typeof catalogImports.$inferSelect;

export const MAX_REPORTED_ERRORS = 200;
const STAGE_BATCH = 500;
const SAMPLE_SIZE = 5;
const STAGED_COLUMNS = 16;

export interface PreviewInput {
  feed: Feed;
  rows: AsyncIterable<FeedRow>;
  trigger: ImportRow['trigger'];
  createdBy: string | null;
  now: number;
}

export async function previewImport(db: Db, input: PreviewInput): Promise<CatalogImport> {
  const { feed, now } = input;
  const existing = new Map<string, { id: string; hash: string | null; title: string; current: boolean }>();
  const catalog = await db
    .select({ id: products.id, sku: products.sku, hash: products.contentHash, title: products.title, feedId: products.feedId, removedAt: products.removedAt })
    .from(products)
    .where(eq(products.workspaceId, feed.workspaceId));
  for (const p of catalog) existing.set(p.sku, { id: p.id, hash: p.hash, title: p.title, current: p.feedId === feed.id && p.removedAt === null });
  catalog.length = 0;

  const id = newId('imp');
  await db.insert(catalogImports).values({ id, workspaceId: feed.workspaceId, feedId: feed.id, status: 'previewed', trigger: input.trigger, added: 0, updated: 0, unchanged: 0, missing: 0, invalid: 0, errors: [], createdBy: input.createdBy, createdAt: now });

  const counts = { added: 0, updated: 0, unchanged: 0, missing: 0, invalid: 0 };
  const errors: CatalogRowError[] = [];
  const seen = new Map<string, number>();
  let pending: StagedRow[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    await runBatch(db, chunkForParameters(rows, STAGED_COLUMNS, 0).map((chunk) => db.insert(catalogImportRows).values(chunk)));
  };
  const invalid = (line: number, error: { field?: string; message: string }) => {
    counts.invalid++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ line, ...error });
  };

  try {
    for await (const read of input.rows) {
      if ('error' in read) {
        invalid(read.line, read.error);
        continue;
      }
      const rawSku = read.fields.id?.trim();
      const firstLine = rawSku ? seen.get(rawSku) : undefined;
      if (rawSku && firstLine !== undefined) {
        invalid(read.line, { field: 'id', message: `id: "${rawSku}" appears again (first on line ${firstLine}); each product needs its own id` });
        continue;
      }
      // An invalid row's product keeps its last version rather than counting as missing.
      if (rawSku) seen.set(rawSku, read.line);
      const result = toProductRow(read.fields, feed.currency);
      if (!result.ok) {
        invalid(read.line, result.error);
        continue;
      }
      const row = result.row;
      const hash = contentHash(row);
      const known = existing.get(row.sku);
      if (known && known.current && known.hash === hash) {
        counts.unchanged++;
        continue;
      }
      const change = known ? 'updated' : 'added';
      counts[change]++;
      pending.push({ importId: id, change, line: read.line, productId: known?.id ?? newId('prod'), contentHash: hash, ...row });
      if (pending.length >= STAGE_BATCH) await flush();
    }
    for (const [sku, known] of existing) {
      if (!known.current || seen.has(sku)) continue;
      counts.missing++;
      pending.push({ importId: id, sku, change: 'missing', line: 0, productId: known.id, title: known.title, link: '', availability: 'out_of_stock', contentHash: '' });
      if (pending.length >= STAGE_BATCH) await flush();
    }
    await flush();
  } catch (error) {
    await discardStaged(db, id);
    if (error instanceof FeedSyntaxError) throw new ApiError(400, 'invalid_feed', `body: ${error.message}; nothing was imported`, 'body');
    if (error instanceof FeedFetchError) throw new ApiError(422, 'feed_unreachable', `url: ${error.message}; nothing was imported`, 'url');
    if (error instanceof BodyTooLargeError) throw new ApiError(413, 'payload_too_large', `body: ${error.message}`, 'body');
    throw error;
  }

  const total = counts.added + counts.updated + counts.unchanged + counts.invalid;
  if (total === 0) {
    await discardStaged(db, id);
    throw new ApiError(400, 'empty_feed', 'body: the feed has no products; nothing was imported', 'body');
  }
  await db.update(catalogImports).set({ ...counts, errors }).where(eq(catalogImports.id, id));
  return importView(db, { id, workspaceId: feed.workspaceId, feedId: feed.id, status: 'previewed', trigger: input.trigger, ...counts, errors, createdBy: input.createdBy, createdAt: now, appliedAt: null });
}

/** Removes a preview that failed half-way: its staged rows and itself. */
async function discardStaged(db: Db, importId: string) {
  await runBatch(db, [db.delete(catalogImportRows).where(eq(catalogImportRows.importId, importId)), db.delete(catalogImports).where(eq(catalogImports.id, importId))]);
}

/** An import as the panel shows it, with a few staged rows of each change while it is a preview. */
export async function importView(db: Db, row: ImportRow): Promise<CatalogImport> {
  const changes = ['added', 'updated', 'missing'] as const;
  const samples: CatalogImport['samples'] = { added: [], updated: [], missing: [] };
  if (row.status === 'previewed') {
    const staged = await Promise.all(
      changes.map((change) =>
        db
          .select({ sku: catalogImportRows.sku, title: catalogImportRows.title })
          .from(catalogImportRows)
          .where(and(eq(catalogImportRows.importId, row.id), eq(catalogImportRows.change, change)))
          .orderBy(asc(catalogImportRows.line), asc(catalogImportRows.sku))
          .limit(SAMPLE_SIZE),
      ),
    );
    changes.forEach((change, i) => (samples[change] = staged[i]!));
  }
  const { workspaceId: _w, createdBy: _c, ...view } = row;
  return { ...view, samples };
}

/** A feed's last 20 imports, newest first. */
export async function listImports(db: Db, feed: Feed): Promise<CatalogImport[]> {
  const rows = await db.select().from(catalogImports).where(and(eq(catalogImports.workspaceId, feed.workspaceId), eq(catalogImports.feedId, feed.id))).orderBy(desc(catalogImports.createdAt)).limit(20);
  return Promise.all(rows.map((row) => importView(db, row)));
}
