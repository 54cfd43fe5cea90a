/**
 * Bringing content in by hand: a manual upload (images plus author, caption and link) and bulk
 * imports from CSV or JSON. An import is checked whole first and reports every bad row with its
 * line and reason; it applies nothing unless every row is good, or the merchandiser asked to
 * skip the bad ones.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { z } from 'zod';
import type { ImportReport } from '../../../shared/admin-types.ts';
import { safeJsonEscapes, safeText } from '../../../shared/text.ts';
import { importRow, type uploadFields } from '../../../shared/schemas/collection.ts';
import { inChunks, runBatch, type Db } from '../../db/client.ts';
import { postMedia, posts, postSources } from '../../db/schema.ts';
import { Invalid, TooLarge } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { urlRefusal } from '../../outbound/target.ts';
import type { MediaStore } from '../../media/store.ts';
import type { VariantMaker } from '../../media/variants.ts';
import { csvObjects, CsvError } from '../../lib/csv.ts';
import { auditStatement } from '../audit/audit.ts';
import { insertVariants, storeUploadedImage } from '../posts/media-storage.ts';
import type { Actor } from '../posts/moderation.ts';
import { builtInSource } from './sources.ts';

export const MAX_IMPORT_ROWS = 5000;

export interface RowProblem {
  line: number;
  field: string;
  reason: string;
}

type Row = z.infer<typeof importRow> & { line: number };

/** Reads the rows of a CSV (or TSV) or JSON import, numbering them as the file does. */
export function readImportRows(file: string, format: 'csv' | 'tsv' | 'json'): { line: number; values: unknown }[] {
  // Imported content is well-formed, not refused: one bad character is no reason to turn away a file.
  const body = safeText(file);
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(safeJsonEscapes(body));
    } catch {
      throw new Invalid('invalid_json', 'body: is not valid JSON (expected an array of rows)', 'body');
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown })?.rows;
    if (!Array.isArray(list)) throw new Invalid('invalid_parameter', 'body: expected an array of rows, or { "rows": [...] }', 'body');
    return list.map((values, index) => ({ line: index + 1, values }));
  }
  try {
    const rows = csvObjects(body, format === 'tsv' ? '\t' : ',');
    if (rows.length > 0 && !('image_url' in (rows[0]!.values as object))) {
      throw new Invalid('invalid_parameter', 'body: the header row has no image_url column', 'image_url');
    }
    return rows;
  } catch (error) {
    if (error instanceof CsvError) throw new Invalid('invalid_csv', `body: ${error.message}`, 'body');
    throw error;
  }
}

export async function importRows(
  db: Db,
  actor: Actor,
  input: { rows: { line: number; values: unknown }[]; label: string; dryRun: boolean; skipInvalid: boolean },
  now: number,
): Promise<ImportReport> {
  if (input.rows.length === 0) throw new Invalid('invalid_parameter', 'body: the import has no rows', 'body');
  if (input.rows.length > MAX_IMPORT_ROWS) throw new TooLarge('too_many_rows', `body: at most ${MAX_IMPORT_ROWS} rows per import, got ${input.rows.length}`, 'body');

  const errors: RowProblem[] = [];
  const good: Row[] = [];
  for (const { line, values } of input.rows) {
    const parsed = importRow.safeParse(values);
    // The server will download it: never from its own network (re-checked on every hop then).
    const refusal = parsed.success ? urlRefusal(parsed.data.image_url) : null;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      errors.push({ line, field: issue.path.join('.') || 'row', reason: issue.message });
    } else if (refusal) {
      errors.push({ line, field: 'image_url', reason: `must be an https URL on a public host (${refusal})` });
    } else {
      good.push({ ...parsed.data, line });
    }
  }

  const known = await knownLinks(db, actor.workspaceId, good);
  const duplicates = good.filter((r) => known.has(r.image_url) || (r.permalink && known.has(r.permalink))).map((r) => r.line);
  const fresh = good.filter((r) => !duplicates.includes(r.line));
  const report: ImportReport = { dryRun: input.dryRun, total: input.rows.length, valid: good.length, imported: 0, duplicates, errors };
  if (input.dryRun || (errors.length > 0 && !input.skipInvalid) || fresh.length === 0) return report;

  const source = await builtInSource(db, actor.workspaceId, 'import', input.label, now);
  const statements: BatchItem<'sqlite'>[] = [];
  for (const row of fresh) {
    const id = newId('post');
    const publishedAt = row.published_at ? Date.parse(row.published_at) : now;
    statements.push(
      db.insert(posts).values({ id, workspaceId: actor.workspaceId, mediaType: 'image', caption: row.caption ?? '', permalink: row.permalink || null, authorUsername: row.author || null, publishedAt, collectedAt: now, createdAt: now, updatedAt: now }),
      db.insert(postSources).values({ postId: id, sourceId: source.id, foundAt: now }),
      db.insert(postMedia).values({ id: newId('med'), postId: id, position: 0, type: 'image', sourceUrl: row.image_url, nextAttemptAt: now }),
    );
  }
  statements.push(auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'posts.imported', targetType: 'source', targetId: source.id, after: { label: input.label, imported: fresh.length, skippedInvalid: errors.length }, at: now }));
  await runBatch(db, statements);
  return { ...report, imported: fresh.length };
}

async function knownLinks(db: Db, workspaceId: string, rows: Row[]): Promise<Set<string>> {
  const links = [...new Set(rows.flatMap((r) => [r.image_url, r.permalink].filter((v): v is string => Boolean(v))))];
  const [byPermalink, byImage] = await Promise.all([
    Promise.all(inChunks(links, (chunk) => db.select({ link: posts.permalink }).from(posts).where(and(eq(posts.workspaceId, workspaceId), inArray(posts.permalink, chunk))))),
    Promise.all(
      inChunks(links, (chunk) =>
        db
          .select({ link: postMedia.sourceUrl })
          .from(postMedia)
          .innerJoin(posts, eq(posts.id, postMedia.postId))
          .where(and(eq(posts.workspaceId, workspaceId), inArray(postMedia.sourceUrl, chunk))),
      ),
    ),
  ]);
  const found = new Set<string>();
  for (const { link } of [...byPermalink.flat(), ...byImage.flat()]) if (link) found.add(link);
  return found;
}

/** A manual upload: the images are stored right away, and the post waits in the inbox. */
export async function uploadPost(
  deps: { db: Db; media: MediaStore; variants: VariantMaker },
  actor: Actor,
  input: { fields: z.infer<typeof uploadFields>; images: Uint8Array[] },
  now: number,
): Promise<{ id: string }> {
  const id = newId('post');
  const source = await builtInSource(deps.db, actor.workspaceId, 'manual', null, now);
  const statements: BatchItem<'sqlite'>[] = [];
  for (const [position, bytes] of input.images.entries()) {
    const { mediaId, width, height, rows } = await storeUploadedImage(deps, bytes, `images.${position}`, now);
    statements.push(
      deps.db.insert(postMedia).values({ id: mediaId, postId: id, position, type: 'image', width, height, storeStatus: 'stored', storeAttempts: 1 }),
      ...insertVariants(deps.db, rows),
    );
  }
  const { author, caption, permalink } = input.fields;
  await runBatch(deps.db, [
    deps.db.insert(posts).values({ id, workspaceId: actor.workspaceId, mediaType: input.images.length > 1 ? 'carousel' : 'image', caption, permalink: permalink || null, authorUsername: author, publishedAt: now, collectedAt: now, createdAt: now, updatedAt: now }),
    deps.db.insert(postSources).values({ postId: id, sourceId: source.id, foundAt: now }),
    ...statements,
    auditStatement(deps.db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'post.uploaded', targetType: 'post', targetId: id, after: { author, images: input.images.length }, at: now }),
  ]);
  return { id };
}
