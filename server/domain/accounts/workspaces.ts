import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { WorkspaceView } from '../../../shared/admin-types.ts';
import type { workspacePatch } from '../../../shared/schemas/workspace.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { workspaces, type WorkspaceSettings } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { auditStatement } from '../audit/audit.ts';
import type { Actor } from '../posts/moderation.ts';

/** Defaults a new workspace starts with; every one is editable in the panel's settings. */
export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = {
  clickWindowHours: 7 * 24,
  viewWindowHours: 24,
  holdoutShare: 0,
  eventRetentionDays: 395,
  // Off: a small store without a server integration counts what the order page's browser reports.
  confirmedOrdersOnly: false,
  // Off: consent typed on the rights page waits for the author's reply from their own account.
  acceptPageOnlyForPrivateRequests: false,
  // Meta asks apps to keep platform data only as long as needed: a quarter to moderate and ask.
  instagramDataRetentionDays: 90,
  // Denied: no visitor id is stored until the page signals consent (ePrivacy).
  consentDefault: 'denied',
};

export async function getWorkspace(db: Db, workspaceId: string): Promise<WorkspaceView> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw notFound('workspace');
  return { id: row.id, name: row.name, instagramHandle: row.instagramHandle, approvalHashtag: row.approvalHashtag, allowedOrigins: row.allowedOrigins, settings: { ...DEFAULT_WORKSPACE_SETTINGS, ...row.settings } };
}

export async function updateWorkspace(db: Db, actor: Actor, patch: z.infer<typeof workspacePatch>, now: number): Promise<WorkspaceView> {
  const before = await getWorkspace(db, actor.workspaceId);
  const settings = { ...before.settings, ...patch.settings };
  const { settings: _ignored, ...fields } = patch;
  await runBatch(db, [
    db.update(workspaces).set({ ...fields, settings }).where(eq(workspaces.id, actor.workspaceId)),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'workspace.updated', targetType: 'workspace', targetId: actor.workspaceId, before, after: patch, at: now }),
  ]);
  return getWorkspace(db, actor.workspaceId);
}
