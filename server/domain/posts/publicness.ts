/**
 * Invariant 1 (DESIGN.md): a post is public only if it is approved, its rights are granted and
 * still active (not expired, not withdrawn), the consent is verified through the author's own
 * account (or is page-only consent the workspace accepted for a privately sent link), and it was
 * not deleted at source (nor erased, nor waiting for an erasure its author asked for).
 *
 * This module is the one place that decides it. `publicPostWhere` is the rule as SQL, and every
 * public query uses it. `isPublicPost` states the same rule over a row, in plain code: the panel
 * uses it to badge posts that are live, and the test beside this file checks the SQL against it
 * for every combination of the facts.
 */
import { and, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { posts, type ModerationStatus, type RightsStatus, type RightsVerification } from '../../db/schema.ts';

/**
 * The verification states that let granted consent make a post public (`awaiting` does not).
 * `email`: a campaign submission, whose files the consenting person uploaded themselves and whose
 * email address they confirmed; the consent comes from the uploader, not from an Instagram account.
 */
const PUBLISHABLE: RightsVerification[] = ['account', 'page', 'email'];

export interface PublicnessFacts {
  moderationStatus: ModerationStatus;
  rightsStatus: RightsStatus;
  rightsExpiresAt: number | null;
  rightsVerification: RightsVerification | null;
  sourceDeletedAt: number | null;
  erasedAt: number | null;
  erasureDueAt: number | null;
}

export function isPublicPost(post: PublicnessFacts, now: number): boolean {
  return (
    post.moderationStatus === 'approved' &&
    post.rightsStatus === 'granted' &&
    (post.rightsExpiresAt === null || post.rightsExpiresAt > now) &&
    post.rightsVerification !== null &&
    PUBLISHABLE.includes(post.rightsVerification) &&
    post.sourceDeletedAt === null &&
    post.erasedAt === null &&
    post.erasureDueAt === null
  );
}

export function publicPostWhere(now: number): SQL {
  return and(
    eq(posts.moderationStatus, 'approved'),
    eq(posts.rightsStatus, 'granted'),
    or(isNull(posts.rightsExpiresAt), gt(posts.rightsExpiresAt, now)),
    inArray(posts.rightsVerification, PUBLISHABLE),
    isNull(posts.sourceDeletedAt),
    isNull(posts.erasedAt),
    isNull(posts.erasureDueAt),
  )!;
}
