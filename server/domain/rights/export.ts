/**
 * The consent evidence for a legal team, per post or per author: every record with what the
 * author was shown (terms text, version and hash, the request's words), how they answered, and
 * any withdrawal — as it was recorded, never rewritten.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { consentRecords, posts, rightsRequests, termsVersions, workspaces } from '../../db/schema.ts';
import { notFound } from '../errors.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function exportConsent(db: Db, workspaceId: string, filter: { postId?: string | undefined; author?: string | undefined }, now: number) {
  const where = and(
    eq(consentRecords.workspaceId, workspaceId),
    filter.postId ? eq(consentRecords.postId, filter.postId) : undefined,
    // Handles are case-insensitive on Instagram; authors type theirs as they like on the rights page.
    filter.author ? sql`lower(${consentRecords.authorUsername}) = ${filter.author.replace(/^@/, '').toLowerCase()}` : undefined,
  );
  const records = await db.select().from(consentRecords).where(where).orderBy(asc(consentRecords.recordedAt));
  if (records.length === 0) throw notFound('consent records');
  const termsIds = [...new Set(records.map((r) => r.termsVersionId).filter((id): id is string => id !== null))];
  const requestIds = [...new Set(records.map((r) => r.rightsRequestId).filter((id): id is string => id !== null))];
  const postIds = [...new Set(records.map((r) => r.postId))];
  const [terms, requests, postRows, [workspace]] = await Promise.all([
    termsIds.length ? db.select().from(termsVersions).where(inArray(termsVersions.id, termsIds)) : [],
    requestIds.length ? db.select().from(rightsRequests).where(inArray(rightsRequests.id, requestIds)) : [],
    db.select().from(posts).where(inArray(posts.id, postIds)),
    db.select().from(workspaces).where(eq(workspaces.id, workspaceId)),
  ]);
  return {
    exportedAt: iso(now),
    controller: { name: workspace!.name, instagramHandle: workspace!.instagramHandle },
    posts: postRows.map((p) => ({ id: p.id, instagramMediaId: p.igMediaId, permalink: p.permalink, author: p.authorUsername, rightsStatus: p.rightsStatus, rightsVerification: p.rightsVerification, erasureDueAt: iso(p.erasureDueAt), erasedAt: iso(p.erasedAt) })),
    records: records.map((r) => {
      const request = requests.find((q) => q.id === r.rightsRequestId);
      const shown = terms.find((t) => t.id === r.termsVersionId);
      return {
        id: r.id,
        kind: r.kind,
        postId: r.postId,
        recordedAt: iso(r.recordedAt),
        who: { username: r.authorUsername, instagramScopedId: r.authorIgId },
        how: { channel: r.channel, evidence: r.evidence },
        // How the author's identity was established: their account's comment, or the page alone and why that was accepted.
        verification:
          r.kind === 'granted'
            ? {
                method: r.verification,
                comment: r.evidence.commentId ? { id: r.evidence.commentId, text: r.evidence.commentText ?? null, timestamp: r.evidence.commentTimestamp ?? null } : null,
                linkedConsentId: r.evidence.linkedConsentId ?? null,
                acceptedBecause: r.verification === 'page' ? (r.evidence.acceptedBecause ?? null) : null,
                // A submission's confirmed email proves who uploaded the files, never the Instagram handle typed with them.
                email: r.verification === 'email' ? { hash: r.evidence.emailHash ?? null, confirmedAt: r.evidence.confirmedAt ?? null, handleVerified: false } : null,
              }
            : null,
        shown: {
          requestText: r.requestText,
          requestChannel: request?.channel ?? null,
          requestSentAt: iso(request?.sentAt ?? null),
          terms: shown ? { version: shown.version, language: shown.language, title: shown.title, body: shown.body, contentHash: shown.contentHash } : null,
          termsHash: r.termsHash,
        },
        scope: r.scope,
        expiresAt: iso(r.expiresAt),
      };
    }),
  };
}
