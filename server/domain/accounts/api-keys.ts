/**
 * API keys for merchants' servers (order webhooks, server-side events). Shown once at creation;
 * stored as SHA-256 only, with a short prefix to tell keys apart in the panel.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { runBatch, type Db } from '../../db/client.ts';
import { apiKeys } from '../../db/schema.ts';
import { NotFound } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { sha256Hex } from '../../security/hash.ts';
import { randomToken } from '../../security/tokens.ts';
import { auditStatement } from '../audit/audit.ts';

const KEY_PREFIX = 'vk_';

export async function createApiKey(db: Db, actor: { workspaceId: string; userId: string }, input: { name: string; scopes: string[] }, now: number) {
  const key = `${KEY_PREFIX}${randomToken(24)}`;
  const id = newId('key');
  const prefix = key.slice(0, 10);
  await runBatch(db, [
    db.insert(apiKeys).values({ id, workspaceId: actor.workspaceId, name: input.name, prefix, keyHash: await sha256Hex(key), scopes: input.scopes, createdBy: actor.userId, createdAt: now }),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'api_key.created', targetType: 'api_key', targetId: id, after: { name: input.name, scopes: input.scopes, prefix }, at: now }),
  ]);
  return { id, key, prefix };
}

export function listApiKeys(db: Db, workspaceId: string) {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Db, actor: { workspaceId: string; userId: string }, id: string, now: number): Promise<void> {
  const where = and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, actor.workspaceId), isNull(apiKeys.revokedAt));
  const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(where).limit(1);
  if (!key) throw new NotFound('not_found', 'API key not found');
  await runBatch(db, [
    db.update(apiKeys).set({ revokedAt: now }).where(where),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'api_key.revoked', targetType: 'api_key', targetId: id, at: now }),
  ]);
}

/** The workspace and scopes a presented key grants, or null for an unknown or revoked key. */
export async function findApiKey(db: Db, presented: string, now: number): Promise<{ id: string; workspaceId: string; scopes: string[] } | null> {
  if (!presented.startsWith(KEY_PREFIX)) return null;
  const [key] = await db
    .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, await sha256Hex(presented)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!key) return null;
  if (!key.lastUsedAt || now - key.lastUsedAt > 60_000) await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
  return { id: key.id, workspaceId: key.workspaceId, scopes: key.scopes };
}
