/**
 * Feeds with a URL refresh on their schedule, from the same scheduler step that collects
 * Instagram posts. Unattended, an import applies its valid rows and reports the invalid ones
 * on the feed — but a refresh that would take more than half the catalog away is held for a
 * human: a truncated or broken export must not empty a shop's galleries overnight.
 */
import { and, asc, eq, isNotNull, lte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { catalogImportRows, catalogImports, productFeeds } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';
import { applyImport, discardImport } from './apply.ts';
import type { Outbound } from '../../outbound/guarded-fetch.ts';
import { fetchFeedRows } from './fetch-feed.ts';
import { previewImport } from './preview.ts';

const PREVIEW_TTL_MS = 24 * 3600 * 1000;

export async function refreshDueFeeds(deps: { db: Db; outbound: Outbound }, now: number, limit = 1): Promise<number> {
  const { db } = deps;
  const due = await db
    .select()
    .from(productFeeds)
    .where(and(isNotNull(productFeeds.url), isNotNull(productFeeds.refreshIntervalSeconds), lte(productFeeds.nextRunAt, now)))
    .orderBy(asc(productFeeds.nextRunAt))
    .limit(limit);
  for (const feed of due) {
    // Claim the next run first, so a feed that fails (or crashes the run) waits its turn.
    await db.update(productFeeds).set({ nextRunAt: now + feed.refreshIntervalSeconds! * 1000 }).where(eq(productFeeds.id, feed.id));
    let lastError: string | null = null;
    try {
      const preview = await previewImport(db, { feed, rows: fetchFeedRows(deps.outbound, { url: feed.url!, format: feed.format, storeUrl: feed.storeUrl }), trigger: 'schedule', createdBy: null, now });
      const kept = preview.added + preview.updated + preview.unchanged;
      if (preview.missing > kept) {
        await discardImport(db, { workspaceId: feed.workspaceId, userId: null }, preview.id);
        lastError = `not applied: the feed lists ${kept} valid products and ${preview.missing} would be removed; import it by hand if that is right`;
      } else {
        await applyImport(db, { workspaceId: feed.workspaceId, userId: null }, preview.id, { skipInvalid: true }, now);
        if (preview.invalid > 0) lastError = `${preview.invalid} rows skipped; first: line ${preview.errors[0]!.line}, ${preview.errors[0]!.message}`;
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      lastError = error.message;
    }
    await db.update(productFeeds).set({ lastError }).where(eq(productFeeds.id, feed.id));
  }
  return due.length;
}

/** Previews nobody applied within a day are discarded, so staged rows do not pile up. */
export async function discardStalePreviews(db: Db, now: number): Promise<void> {
  const stale = await db
    .select({ id: catalogImports.id })
    .from(catalogImports)
    .where(and(eq(catalogImports.status, 'previewed'), lt(catalogImports.createdAt, now - PREVIEW_TTL_MS)))
    .limit(20);
  for (const { id } of stale) {
    await db.batch([db.update(catalogImports).set({ status: 'discarded' }).where(eq(catalogImports.id, id)), db.delete(catalogImportRows).where(eq(catalogImportRows.importId, id))]);
  }
}
