/**
 * A campaign's entries are derived, not recorded: the workspace's posts whose caption carries the
 * campaign's hashtag and whose post time is within its dates (both ends included). Why a query:
 * - collection already stores every caption, and posts arrive by several paths (hashtag, tagged
 *   and mention sources, webhooks, imports); a recorded entry would need a write on each of them,
 *   and a back-fill whenever a campaign's hashtag or dates change;
 * - moderation, consent, withdrawal and erasure act on the post, and an entry is only ever as
 *   eligible as its post is now, so a copy could only go stale.
 * What must not change afterwards is recorded instead: the draw stores the eligible ids it drew
 * from (campaigns.draw_entry_ids) and the winners (campaign_winners).
 *
 * Submissions from the campaign's page (submissions.ts) are entries too, once confirmed: only a
 * confirmation makes their post, and `campaign_submissions.post_id` ties it to its campaign.
 *
 * `campaignEntryWhere` is the one definition: the inbox's `?campaign=`, a gallery limited to a
 * campaign, the entry counts and the draw all use it.
 */
import { and, asc, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaigns, campaignSubmissions, posts } from '../../db/schema.ts';
import { captionHasHashtag } from '../posts/caption-hashtag.ts';
import type { DrawEntry } from './draw-rule.ts';

/** Posts that are entries of campaign `campaignId` of their own workspace (none for another workspace's id). */
export function campaignEntryWhere(campaignId: string): SQL {
  return or(
    exists(
      sql`(select 1 from ${campaigns} where ${campaigns.id} = ${campaignId} and ${campaigns.workspaceId} = ${posts.workspaceId}
      and ${posts.publishedAt} >= ${campaigns.startsAt} and ${posts.publishedAt} <= ${campaigns.endsAt} and ${captionHasHashtag(campaigns.hashtag)})`,
    ),
    exists(
      sql`(select 1 from ${campaignSubmissions} where ${campaignSubmissions.postId} = ${posts.id} and ${campaignSubmissions.campaignId} = ${campaignId}
      and ${campaignSubmissions.workspaceId} = ${posts.workspaceId})`,
    ),
  )!;
}

/** Every entry with what the draw's eligibility reads (erased tombstones are entries no more). */
export function drawCandidates(db: Db, workspaceId: string, campaignId: string): Promise<DrawEntry[]> {
  return db
    .select({
      id: posts.id,
      publishedAt: posts.publishedAt,
      authorIgId: posts.authorIgId,
      authorUsername: posts.authorUsername,
      // A submitter is one entrant per confirmed email address, whatever handle they typed.
      // Qualified by hand: drizzle writes a select list's columns unqualified, which inside this subquery would mean the submission's own id.
      entrantKey: sql<string | null>`(select s.email_hash from campaign_submissions s where s.post_id = "posts"."id")`,
      moderationStatus: posts.moderationStatus,
      rightsStatus: posts.rightsStatus,
      rightsExpiresAt: posts.rightsExpiresAt,
      rightsVerification: posts.rightsVerification,
      sourceDeletedAt: posts.sourceDeletedAt,
      erasedAt: posts.erasedAt,
      erasureDueAt: posts.erasureDueAt,
    })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), campaignEntryWhere(campaignId), sql`${posts.erasedAt} is null`))
    .orderBy(asc(posts.id));
}
