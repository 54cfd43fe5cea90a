import { and, asc, eq, gt, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { posts } from '../../db/schema.ts';

const DAY_MS = 86_400_000;

/** Granted permissions ending within `days` from `now` (ended ones excluded), soonest first. */
export function expiringGrants(db: Db, workspaceId: string, days: number, now: number) {
  return db
    .select({ id: posts.id, author: posts.authorUsername, expiresAt: posts.rightsExpiresAt })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.rightsStatus, 'granted'), isNotNull(posts.rightsExpiresAt), gt(posts.rightsExpiresAt, now), lte(posts.rightsExpiresAt, now + days * DAY_MS)))
    .orderBy(asc(posts.rightsExpiresAt));
}
