import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema.ts';

/**
 * The database as every service sees it, whichever driver is behind it (libSQL on Node or
 * Turso, D1 on Workers). Only what both drivers share is allowed: there are no interactive
 * transactions on D1, so multi-statement writes go through `batch`, which both run atomically.
 */
export type Db = BaseSQLiteDatabase<'async', unknown, typeof schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>;
};

/** D1 allows at most 100 bound parameters per statement; bulk writes chunk below it. */
export const MAX_BOUND_PARAMETERS = 100;

/**
 * Splits `items` so that each chunk's statement binds at most `MAX_BOUND_PARAMETERS` values:
 * `parametersPerItem` for each item plus `fixedParameters` the statement binds anyway (drizzle
 * binds literals such as `eq(col, 'stored')` as parameters too).
 */
export function chunkForParameters<T>(items: readonly T[], parametersPerItem: number, fixedParameters: number): T[][] {
  const size = Math.max(1, Math.floor((MAX_BOUND_PARAMETERS - fixedParameters) / parametersPerItem));
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Runs statements atomically in one batch (D1 and libSQL both roll back the whole batch on error). */
export async function runBatch(db: Db, statements: BatchItem<'sqlite'>[]): Promise<void> {
  if (statements.length === 0) return;
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}

/** A statement drizzle can render, with the values it binds. */
interface Renderable {
  toSQL(): { params: unknown[] };
}

/**
 * Builds one statement per chunk of `ids`, each within D1's parameter limit. How many values
 * the statement binds besides the ids is measured, not counted by hand: it is built once for a
 * single id, so a filter added later cannot push a chunk over the limit unnoticed.
 */
export function inChunks<Q extends Renderable>(ids: readonly string[], build: (chunk: string[]) => Q): Q[] {
  if (ids.length === 0) return [];
  const fixed = build([ids[0]!]).toSQL().params.length - 1;
  return chunkForParameters(ids, 1, fixed).map(build);
}
