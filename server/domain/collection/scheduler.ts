/**
 * The collection loop's one step: run the sources that are due, re-host what they found, take
 * down posts deleted on Instagram, deliver the merchant's pending webhooks, refresh the
 * product feeds that are due, delete raw events past their retention, and erase collected
 * Instagram data past the workspace's retention (no granted rights).
 * Called by Cron Triggers on Workers and by a timer on Node; bounded so one step always fits
 * in a Worker invocation's limits.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { claimDue } from '../../db/due-queue.ts';
import { discardStalePreviews, refreshDueFeeds } from '../catalog/refresh.ts';
import { sources } from '../../db/schema.ts';
import type { Outbound } from '../../outbound/guarded-fetch.ts';
import { purgeExpiredEvents } from '../tracking/retention.ts';
import { deliverWebhooks } from '../webhooks/outgoing.ts';
import { eraseDuePosts } from '../rights/erasure.ts';
import { runDueDraws } from '../campaigns/draw.ts';
import { deleteUnconfirmedSubmissions, eraseExpiredEntrantEmails } from '../campaigns/submission-retention.ts';
import { pollOwnMediaComments, pollRequestReplies } from './poll-replies.ts';
import { checkSourceDeletions } from './deletions.ts';
import { eraseExpiredPlatformData } from './platform-data.ts';
import { rehostPending, type RehostDeps } from './rehost.ts';
import { runSource, type RunReport } from './run-source.ts';

export interface CollectionStep {
  runs: RunReport[];
  stored: number;
  failed: number;
  /** Public posts found deleted on Instagram, now out of every gallery. */
  takenDown: number;
  webhooks: number;
  /** Product feeds refreshed from their URLs. */
  feeds: number;
  /** Raw events deleted past their workspace's retention (rollups stay). */
  eventsPurged: number;
  /** Posts erased once the hold on an erasure asked through an unverified link ended. */
  erased: number;
  /** Replies found by polling the brand's rights-request comments (webhooks not set up). */
  verifications: number;
  /** Collected posts without granted rights whose media and text were erased past the retention. */
  platformDataErased: number;
  /** Campaign draws that came due and ran (domain/campaigns/draw.ts). */
  draws: number;
  /** Campaign submissions never confirmed within 48 h, deleted with their files. */
  submissionsDeleted: number;
  /** Entrants' email addresses erased past their retention end. */
  entrantEmailsErased: number;
}

export type SchedulerDeps = RehostDeps & { outbound: Outbound };

export async function runDueCollection(deps: SchedulerDeps, now: number, limits = { sources: 5, media: 30 }): Promise<CollectionStep> {
  // Each queue is claimed, not just read: steps that overlap (a cron tick starting while the last
  // one still works) never run the same source, media or webhook twice.
  const claimed = await claimDue(deps.db, { table: sources, id: sources.id, nextAttemptAt: sources.nextRunAt, ready: eq(sources.enabled, true) }, now, limits.sources);
  const due = claimed.length === 0 ? [] : await deps.db.select().from(sources).where(inArray(sources.id, claimed)).orderBy(asc(sources.id));
  const runs: RunReport[] = [];
  for (const source of due) runs.push(await runSource({ db: deps.db, graph: deps.instagram.graph, appSecret: deps.appSecret }, source, now));
  const { stored, failed } = await rehostPending(deps, now, limits.media);
  const takenDown = await checkSourceDeletions(deps, now);
  // The merchant's webhooks ride the same tick: rights events reach their systems within it.
  const webhooks = await deliverWebhooks(deps, now);
  const feeds = await refreshDueFeeds(deps, now);
  await discardStalePreviews(deps.db, now);
  const eventsPurged = await purgeExpiredEvents(deps.db, now);
  const erased = await eraseDuePosts(deps, now);
  const graph = { db: deps.db, graph: deps.instagram.graph, appSecret: deps.appSecret };
  const verifications = (await pollRequestReplies(graph, now)) + (await pollOwnMediaComments(graph, now));
  const platformDataErased = await eraseExpiredPlatformData(deps, now);
  const draws = await runDueDraws(deps.db, deps.appSecret, now);
  const submissionsDeleted = await deleteUnconfirmedSubmissions(deps, now);
  const entrantEmailsErased = await eraseExpiredEntrantEmails(deps.db, now);
  return { runs, stored, failed, takenDown, webhooks, feeds, eventsPurged, erased, verifications, platformDataErased, draws, submissionsDeleted, entrantEmailsErased };
}
