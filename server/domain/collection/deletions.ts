/**
 * Posts deleted on Instagram are taken down. For the media Instagram lets an app re-read by id
 * (the brand's own, and media that @mention it), public posts are checked about once a day; a
 * "does not exist" answer marks the post deleted at source, which the publicness rule excludes.
 * Hashtag and tagged media cannot be read by id, so their deletion cannot be seen this way.
 */
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { instagramConnections, posts, postSources, sources } from '../../db/schema.ts';
import type { InstagramDeps } from '../../deps.ts';
import { GraphApiError } from '../../instagram/errors.ts';
import { publicPostWhere } from '../posts/publicness.ts';
import { tokenOf } from './connections.ts';

const RECHECK_MS = 24 * 3_600_000;

export async function checkSourceDeletions(deps: { db: Db; instagram: InstagramDeps; appSecret: string }, now: number, limit = 10): Promise<number> {
  const { db } = deps;
  const due = await db
    .select({ id: posts.id, workspaceId: posts.workspaceId, igMediaId: posts.igMediaId, kind: sources.kind, connection: instagramConnections })
    .from(posts)
    .innerJoin(postSources, eq(postSources.postId, posts.id))
    .innerJoin(sources, and(eq(sources.id, postSources.sourceId), inArray(sources.kind, ['own', 'mentions'])))
    .innerJoin(instagramConnections, and(eq(instagramConnections.id, sources.connectionId), eq(instagramConnections.status, 'active')))
    .where(and(publicPostWhere(now), sql`${posts.igMediaId} is not null`, or(isNull(posts.sourceCheckedAt), lt(posts.sourceCheckedAt, now - RECHECK_MS))))
    .orderBy(asc(sql`coalesce(${posts.sourceCheckedAt}, 0)`))
    .limit(limit);
  let deleted = 0;
  for (const post of due) {
    const token = await tokenOf(deps.appSecret, post.connection);
    let gone = false;
    try {
      if (post.kind === 'own') await deps.instagram.graph.media(post.igMediaId!, token);
      else gone = !(await deps.instagram.graph.mentionedMedia(post.connection.igUserId, post.igMediaId!, token)).body.mentioned_media;
    } catch (error) {
      if (!(error instanceof GraphApiError)) throw error;
      if (error.kind !== 'not_found') continue; // throttled or token trouble: try again next time
      gone = true;
    }
    await db.update(posts).set(gone ? { sourceDeletedAt: now, sourceCheckedAt: now, updatedAt: now } : { sourceCheckedAt: now }).where(eq(posts.id, post.id));
    if (gone) deleted++;
  }
  return deleted;
}
