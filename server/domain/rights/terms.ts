/**
 * Usage terms, versioned per workspace and language. A change is a new version, never an edit:
 * each consent record names the version and the hash of exactly what the author was shown.
 */
import { and, desc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { termsInput } from '../../../shared/schemas/rights.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { termsVersions } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { sha256Hex } from '../../security/hash.ts';
import { auditStatement } from '../audit/audit.ts';
import type { Actor } from '../posts/moderation.ts';

export type Terms = typeof termsVersions.$inferSelect;

/**
 * The SHA-256 of text someone reads and agrees to, over its parts in a fixed order: the usage
 * terms here, a campaign's official rules (domain/campaigns/rules.ts).
 */
export const shownTextHash = (parts: readonly unknown[]) => sha256Hex(JSON.stringify(parts));

/** The hash covers everything the author reads and agrees to, in a fixed order. */
export const termsHash = (t: { title: string; body: string; scope: string[]; durationDays: number | null }) => shownTextHash([t.title, t.body, t.scope, t.durationDays]);

export function listTerms(db: Db, workspaceId: string) {
  return db.select().from(termsVersions).where(eq(termsVersions.workspaceId, workspaceId)).orderBy(desc(termsVersions.version), termsVersions.language);
}

/** The newest terms in `language`, else the newest in English. */
export async function currentTerms(db: Db, workspaceId: string, language: string): Promise<Terms | null> {
  for (const lang of [language, 'en']) {
    const [row] = await db.select().from(termsVersions).where(and(eq(termsVersions.workspaceId, workspaceId), eq(termsVersions.language, lang))).orderBy(desc(termsVersions.version)).limit(1);
    if (row) return row;
  }
  return null;
}

export async function publishTerms(db: Db, actor: Actor, input: z.infer<typeof termsInput>, now: number): Promise<Terms> {
  const [row] = await db.select({ v: max(termsVersions.version) }).from(termsVersions).where(and(eq(termsVersions.workspaceId, actor.workspaceId), eq(termsVersions.language, input.language)));
  const terms: Terms = { id: newId('terms'), workspaceId: actor.workspaceId, version: (row?.v ?? 0) + 1, ...input, contentHash: await termsHash(input), createdAt: now };
  await runBatch(db, [
    db.insert(termsVersions).values(terms),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'terms.published', targetType: 'terms', targetId: terms.id, after: { version: terms.version, language: terms.language, hash: terms.contentHash }, at: now }),
  ]);
  return terms;
}
