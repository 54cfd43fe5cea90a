import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { workspaces, type WorkspaceSettings } from '../../db/schema.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../accounts/workspaces.ts';

/** What tracking needs to know of a workspace: its origins, windows, holdout and retention. */
export interface TrackingSettings extends WorkspaceSettings {
  workspaceId: string;
  allowedOrigins: string[];
}

const settingsQuery = (db: Db) =>
  db
    .select({ id: workspaces.id, allowedOrigins: workspaces.allowedOrigins, settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, sql.placeholder('workspaceId')))
    .limit(1)
    .prepare();

// Built once per database: every event batch reads it, so its SQL is not rebuilt each time.
const prepared = new WeakMap<Db, ReturnType<typeof settingsQuery>>();

export async function trackingSettings(db: Db, workspaceId: string): Promise<TrackingSettings | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = settingsQuery(db)));
  const row = await query.get({ workspaceId });
  if (!row) return null;
  // Settings saved before a field existed fall back to its default.
  return { ...DEFAULT_WORKSPACE_SETTINGS, ...row.settings, workspaceId: row.id, allowedOrigins: row.allowedOrigins };
}
