import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sources } from '../db/schema.ts';
import { sourceLabel } from './admin-posts.ts';

/** The workspace's sources, labelled for filters and badges. */
export async function listSourceLabels(db: Db, workspaceId: string) {
  const rows = await db.select({ id: sources.id, kind: sources.kind, query: sources.query }).from(sources).where(eq(sources.workspaceId, workspaceId)).orderBy(asc(sources.createdAt));
  return rows.map((s) => ({ id: s.id, kind: s.kind, label: sourceLabel(s.kind, s.query) }));
}
