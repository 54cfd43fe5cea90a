import { and, eq } from 'drizzle-orm';
import { sources } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { runSource, type CollectionDeps } from './run-source.ts';
import { sourceView } from './sources.ts';

/** Collect now instead of waiting for the schedule: what the run found, and the source after it. */
export async function runSourceNow(deps: CollectionDeps, workspaceId: string, sourceId: string, now: number) {
  const [source] = await deps.db.select().from(sources).where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, sourceId))).limit(1);
  if (!source) throw notFound('source');
  const report = await runSource(deps, source, now);
  const [after] = await deps.db.select().from(sources).where(eq(sources.id, source.id));
  return { created: report.created, linked: report.linked, error: report.error, source: sourceView(after!) };
}
