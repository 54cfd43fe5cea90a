/**
 * Invariant 1 (DESIGN.md): a post is public only if it is approved, its rights are granted and
 * still active (not expired, not withdrawn), and it was not deleted at source (nor erased at its
 * author's request).
 *
 * This module is the one place that decides it. `publicPostWhere` is the rule as SQL, and every
 * public query uses it. `isPublicPost` states the same rule over a row, in plain code: the panel
 * uses it to badge posts that are live, and the test beside this file checks the SQL against it
 * for every combination of the facts.
 */
import { and, eq, gt, isNull, or, type SQL } from 'drizzle-orm';
import { posts, type ModerationStatus, type RightsStatus } from '../../db/schema.ts';

export interface PublicnessFacts {
  moderationStatus: ModerationStatus;
  rightsStatus: RightsStatus;
  rightsExpiresAt: number | null;
  sourceDeletedAt: number | null;
  erasedAt: number | null;
}

export function isPublicPost(post: PublicnessFacts, now: number): boolean {
  return (
    post.moderationStatus === 'approved' &&
    post.rightsStatus === 'granted' &&
    (post.rightsExpiresAt === null || post.rightsExpiresAt > now) &&
    post.sourceDeletedAt === null &&
    post.erasedAt === null
  );
}

export function publicPostWhere(now: number): SQL {
  return and(
    eq(posts.moderationStatus, 'approved'),
    eq(posts.rightsStatus, 'granted'),
    or(isNull(posts.rightsExpiresAt), gt(posts.rightsExpiresAt, now)),
    isNull(posts.sourceDeletedAt),
    isNull(posts.erasedAt),
  )!;
}
