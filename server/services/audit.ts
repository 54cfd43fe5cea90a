import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, users } from '../db/schema.ts';
import { newId } from '../ids.ts';

export interface AuditEntry {
  workspaceId: string;
  actorUserId: string | null;
  actorKind: 'user' | 'api_key' | 'system' | 'author';
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  at: number;
}

/**
 * The audit row for an admin action, as a statement to run in the same batch as the change it
 * describes: the change and its record land together or not at all.
 */
export function auditStatement(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({
    id: newId('aud'),
    workspaceId: entry.workspaceId,
    actorUserId: entry.actorUserId,
    actorKind: entry.actorKind,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    at: entry.at,
  });
}

/** Newest first, with who did it; `before` pages back in time. */
export function listAudit(db: Db, workspaceId: string, { limit, before }: { limit: number; before: number }) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorKind: auditLog.actorKind,
      actorEmail: users.email,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.workspaceId, workspaceId), lt(auditLog.at, before)))
    .orderBy(desc(auditLog.at))
    .limit(limit);
}
