import { and, desc, eq, lt, or } from 'drizzle-orm';
import { encodeCursor } from '../../lib/cursor.ts';
import type { Db } from '../../db/client.ts';
import { auditLog, users } from '../../db/schema.ts';
import { newSortableId } from '../../lib/ids.ts';

export interface AuditEntry {
  workspaceId: string;
  actorUserId: string | null;
  actorKind: 'user' | 'api_key' | 'system' | 'author' | 'shopper';
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
    id: newSortableId('aud', entry.at),
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

/** Newest first, with who did it; the cursor is the last entry seen (entries can share a millisecond). */
export async function listAudit(db: Db, workspaceId: string, { limit, cursor }: { limit: number; cursor: { at: number; id: string } | null }) {
  const after = cursor ? or(lt(auditLog.at, cursor.at), and(eq(auditLog.at, cursor.at), lt(auditLog.id, cursor.id))) : undefined;
  const rows = await db
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
    .where(and(eq(auditLog.workspaceId, workspaceId), after))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { entries: page, nextCursor: rows.length > limit && last ? encodeCursor({ kind: 'key', at: last.at, id: last.id }) : null };
}
