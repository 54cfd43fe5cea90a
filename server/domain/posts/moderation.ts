/**
 * Human moderation: changing posts' status, one or in bulk, with the previous statuses returned
 * so the panel can undo, and an audit entry written in the same batch.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { ModerationStatus } from '../../../shared/admin-types.ts';
import { inChunks, runBatch, type Db } from '../../db/client.ts';
import { moderationRules, posts } from '../../db/schema.ts';
import { NotFound, notFound } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { auditStatement } from '../audit/audit.ts';
import type { RuleForMatching } from './auto-moderation.ts';

export interface Actor {
  workspaceId: string;
  userId: string;
}

export async function moderatePosts(db: Db, actor: Actor, ids: string[], status: ModerationStatus, now: number) {
  const unique = [...new Set(ids)];
  const found = (
    await Promise.all(
      inChunks(unique, (chunk) =>
        db.select({ id: posts.id, status: posts.moderationStatus }).from(posts).where(and(eq(posts.workspaceId, actor.workspaceId), inArray(posts.id, chunk))),
      ),
    )
  ).flat();
  if (found.length !== unique.length) {
    const missing = unique.filter((id) => !found.some((f) => f.id === id));
    throw new NotFound('not_found', `ids: no such posts: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`, 'ids');
  }
  // A human decision replaces any rule's: the post no longer shows "filtered by rule".
  const change = { moderationStatus: status, moderatedAt: now, moderatedBy: actor.userId, moderationRuleId: null, moderationReason: null, updatedAt: now };
  await runBatch(db, [
    ...inChunks(unique, (chunk) => db.update(posts).set(change).where(and(eq(posts.workspaceId, actor.workspaceId), inArray(posts.id, chunk)))),
    auditStatement(db, {
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      actorKind: 'user',
      action: `posts.${status}`,
      targetType: 'post',
      targetId: unique.length === 1 ? unique[0]! : null,
      before: found,
      after: { ids: unique, status },
      at: now,
    }),
  ]);
  return { previous: found };
}

/** The workspace's rules as auto-moderation matches them (decideByRules), only those of `kinds` when given. */
export function rulesForMatching(db: Db, workspaceId: string, kinds?: RuleForMatching['kind'][]): Promise<RuleForMatching[]> {
  return db
    .select({ id: moderationRules.id, kind: moderationRules.kind, value: moderationRules.value })
    .from(moderationRules)
    .where(and(eq(moderationRules.workspaceId, workspaceId), kinds ? inArray(moderationRules.kind, kinds) : undefined));
}

export function listRules(db: Db, workspaceId: string) {
  return db.select().from(moderationRules).where(eq(moderationRules.workspaceId, workspaceId)).orderBy(moderationRules.kind, moderationRules.value);
}

export async function addRule(db: Db, actor: Actor, input: { kind: (typeof moderationRules.$inferSelect)['kind']; value: string }, now: number) {
  const rule = { id: newId('rule'), workspaceId: actor.workspaceId, kind: input.kind, value: normaliseRuleValue(input.kind, input.value), createdAt: now };
  await runBatch(db, [
    db.insert(moderationRules).values(rule),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'rule.created', targetType: 'moderation_rule', targetId: rule.id, after: { kind: rule.kind, value: rule.value }, at: now }),
  ]);
  return rule;
}

export async function deleteRule(db: Db, actor: Actor, id: string, now: number) {
  const where = and(eq(moderationRules.workspaceId, actor.workspaceId), eq(moderationRules.id, id));
  const [rule] = await db.select().from(moderationRules).where(where).limit(1);
  if (!rule) throw notFound('rule');
  await runBatch(db, [
    db.delete(moderationRules).where(where),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'rule.deleted', targetType: 'moderation_rule', targetId: id, before: { kind: rule.kind, value: rule.value }, at: now }),
  ]);
}

/** Stored without '@' or '#', lower-cased, so matching is a plain comparison. */
function normaliseRuleValue(kind: string, value: string): string {
  return kind === 'min_resolution' ? value : value.replace(/^[@#]/, '').toLowerCase();
}
