/**
 * An import's first step: read the feed row by row, compare each product with the catalog, and
 * stage only what would change (added, updated, missing) in catalog_import_rows. Nothing in
 * `products` is touched until the preview is applied (apply.ts), in one batch.
 *
 * Memory stays flat in the feed's size: rows stream in, staged rows are written 500 at a time,
 * and what is kept per product is its SKU, id and hash.
 */
import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { CatalogImport, CatalogRowError } from '../../../shared/admin-types.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { catalogImportRows, catalogImports, products, productFeeds } from '../../db/schema.ts';
import { Invalid, TooLarge, Unprocessable } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { shopperPrice } from '../../lib/money.ts';
import { OutboundError } from '../../outbound/guarded-fetch.ts';
import { FeedFetchError } from './fetch-feed.ts';
import { rowHash, toProductRow } from './product-row.ts';
import type { FeedRow } from './read/feed-rows.ts';
import { FeedSyntaxError } from './read/feed-syntax-error.ts';
import { BodyTooLargeError } from './read/text-chunks.ts';

type Feed = typeof productFeeds.$inferSelect;
type StagedRow = Omit<typeof catalogImportRows.$inferInsert, 'importId'>;
type ImportRow = typeof catalogImports.$inferSelect;

export const MAX_REPORTED_ERRORS = 200;
const STAGE_BATCH = 500;
const SAMPLE_SIZE = 5;

export interface PreviewInput {
  feed: Feed;
  rows: AsyncIterable<FeedRow>;
  trigger: ImportRow['trigger'];
  createdBy: string | null;
  now: number;
}

export async function previewImport(db: Db, input: PreviewInput): Promise<CatalogImport> {
  const { feed, now } = input;
  const existing = await catalogIndex(db, feed);
  const id = newId('imp');
  const appliedBefore = await appliedImportCount(db, feed.workspaceId);
  await db.insert(catalogImports).values({ id, workspaceId: feed.workspaceId, feedId: feed.id, status: 'previewed', trigger: input.trigger, added: 0, updated: 0, unchanged: 0, missing: 0, invalid: 0, errors: [], createdBy: input.createdBy, createdAt: now, appliedBefore });

  const counts = { added: 0, updated: 0, unchanged: 0, missing: 0, invalid: 0 };
  const errors: CatalogRowError[] = [];
  const seen = new Map<string, number>();
  // Rows wait for their batch as JSON text, not objects: they outlive the awaits in between,
  // and every object that does is promoted to V8's old space as garbage to collect later.
  let pending: string[] = [];
  const stage = async (row: StagedRow) => {
    pending.push(JSON.stringify(STAGED_FIELDS.map((field) => row[field] ?? null)));
    if (pending.length >= STAGE_BATCH) await flush();
  };
  const flush = async () => {
    if (pending.length === 0) return;
    await stageRows(db, id, `[${pending.join(',')}]`);
    pending = [];
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
      const hash = rowHash(read.fields, feed.currency);
      const known = existing.get(rawSku ?? '');
      if (known && known.current && known.hash === hash) {
        counts.unchanged++;
        continue;
      }
      const result = toProductRow(read.fields, feed.currency);
      if (!result.ok) {
        invalid(read.line, result.error);
        continue;
      }
      const row = result.row;
      const change = known ? 'updated' : 'added';
      counts[change]++;
      await stage({ change, line: read.line, productId: known?.id ?? newId('prod'), contentHash: hash, ...row });
    }
    await flush();
    const missing: string[] = [];
    for (const [sku, known] of existing) if (known.current && !seen.has(sku)) missing.push(sku);
    counts.missing = missing.length;
    for (let i = 0; i < missing.length; i += STAGE_BATCH) await stageMissing(db, id, feed.workspaceId, missing.slice(i, i + STAGE_BATCH));
  } catch (error) {
    await discardStaged(db, id);
    if (error instanceof FeedSyntaxError) throw new Invalid('invalid_feed', `body: ${error.message}; nothing was imported`, 'body');
    if (error instanceof FeedFetchError || error instanceof OutboundError) throw new Unprocessable('feed_unreachable', `url: ${error.message}; nothing was imported`, 'url');
    if (error instanceof BodyTooLargeError) throw new TooLarge('payload_too_large', `body: ${error.message}`, 'body');
    throw error;
  }

  const total = counts.added + counts.updated + counts.unchanged + counts.invalid;
  if (total === 0) {
    await discardStaged(db, id);
    throw new Invalid('empty_feed', 'body: the feed has no products; nothing was imported', 'body');
  }
  await db.update(catalogImports).set({ ...counts, errors }).where(eq(catalogImports.id, id));
  return importView(db, { id, workspaceId: feed.workspaceId, feedId: feed.id, status: 'previewed', trigger: input.trigger, ...counts, errors, createdBy: input.createdBy, createdAt: now, appliedAt: null, appliedBefore });
}

const STAGED_FIELDS = ['sku', 'change', 'line', 'productId', 'groupId', 'title', 'brand', 'gtin', 'link', 'imageUrl', 'priceMinor', 'salePriceMinor', 'currency', 'availability', 'contentHash'] as const;

/**
 * Stages rows (a JSON array of STAGED_FIELDS tuples) as one statement reading a JSON parameter, not one insert per handful of
 * rows: D1 binds at most 100 parameters, which would mean 6 rows a statement and thousands of
 * statements (and their garbage) for a large feed.
 */
async function stageRows(db: Db, importId: string, json: string) {
  const column = (i: number) => sql.raw(`json_extract(value, '$[${i}]')`);
  await db.run(sql`
    insert into catalog_import_rows (import_id, sku, change, line, product_id, group_id, title, brand, gtin, link, image_url, price_minor, sale_price_minor, currency, availability, content_hash)
    select ${importId}, ${sql.join(STAGED_FIELDS.map((_, i) => column(i)), sql`, `)} from json_each(${json})`);
}

const INDEX_PAGE = 5000;

/**
 * What the diff needs of every product in the workspace, read a page at a time by SKU: one
 * 50,000-row result would be decoded whole (twice: by the driver, then by drizzle) at once.
 */
async function catalogIndex(db: Db, feed: Feed) {
  const index = new Map<string, { id: string; hash: string | null; current: boolean }>();
  for (let after = ''; ; ) {
    const page = await db
      .select({ id: products.id, sku: products.sku, hash: products.contentHash, feedId: products.feedId, removedAt: products.removedAt })
      .from(products)
      .where(and(eq(products.workspaceId, feed.workspaceId), gt(products.sku, after)))
      .orderBy(asc(products.sku))
      .limit(INDEX_PAGE);
    for (const p of page) index.set(p.sku, { id: p.id, hash: p.hash, current: p.feedId === feed.id && p.removedAt === null });
    if (page.length < INDEX_PAGE) return index;
    after = page.at(-1)!.sku;
  }
}

/** Stages products of the feed that the file no longer lists, with their titles for the preview. */
async function stageMissing(db: Db, importId: string, workspaceId: string, skus: string[]) {
  await db.run(sql`
    insert into catalog_import_rows (import_id, sku, change, line, product_id, title, link, availability, content_hash)
    select ${importId}, sku, 'missing', 0, id, title, '', 'out_of_stock', ''
    from products where workspace_id = ${workspaceId} and sku in (select value from json_each(${JSON.stringify(skus)}))`);
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
          .select({
            sku: catalogImportRows.sku,
            title: catalogImportRows.title,
            price: { minor: catalogImportRows.priceMinor, sale: catalogImportRows.salePriceMinor, currency: catalogImportRows.currency },
            // The catalog's price before the import, for an update to show what it changes.
            before: { minor: products.priceMinor, sale: products.salePriceMinor, currency: products.currency },
          })
          .from(catalogImportRows)
          .leftJoin(products, eq(products.id, catalogImportRows.productId))
          .where(and(eq(catalogImportRows.importId, row.id), eq(catalogImportRows.change, change)))
          .orderBy(asc(catalogImportRows.line), asc(catalogImportRows.sku))
          .limit(SAMPLE_SIZE),
      ),
    );
    changes.forEach(
      (change, i) =>
        (samples[change] = staged[i]!.map(({ sku, title, price, before }) => ({
          sku,
          title,
          // A missing row stages no price of its own: it is the catalog's product, about to go.
          price: change === 'missing' ? before && shopperPrice(before) : shopperPrice(price),
          previousPrice: change === 'updated' && before ? shopperPrice(before) : null,
        }))),
    );
  }
  const { workspaceId: _w, createdBy: _c, appliedBefore: _a, ...view } = row;
  return { ...view, samples };
}

/** Imports applied in the workspace so far: a preview's diff holds while this has not moved. */
export async function appliedImportCount(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(catalogImports).where(and(eq(catalogImports.workspaceId, workspaceId), eq(catalogImports.status, 'applied')));
  return row?.n ?? 0;
}

/** A feed's last 20 imports, newest first. */
export async function listImports(db: Db, feed: Feed): Promise<CatalogImport[]> {
  const rows = await db.select().from(catalogImports).where(and(eq(catalogImports.workspaceId, feed.workspaceId), eq(catalogImports.feedId, feed.id))).orderBy(desc(catalogImports.createdAt)).limit(20);
  return Promise.all(rows.map((row) => importView(db, row)));
}
