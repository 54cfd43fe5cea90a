import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { workspaces, type WorkspaceSettings } from '../../db/schema.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../accounts/workspaces.ts';

/** What tracking needs to know of a workspace: its origins, windows, holdout and retention. */
export interface TrackingSettings extends WorkspaceSettings {
  workspaceId: string;
  allowedOrigins: string[];
}

export async function trackingSettings(db: Db, workspaceId: string): Promise<TrackingSettings | null> {
  const [row] = await db
    .select({ id: workspaces.id, allowedOrigins: workspaces.allowedOrigins, settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  if (!row) return null;
  // Settings saved before a field existed fall back to its default.
  return { ...DEFAULT_WORKSPACE_SETTINGS, ...row.settings, workspaceId: row.id, allowedOrigins: row.allowedOrigins };
}
