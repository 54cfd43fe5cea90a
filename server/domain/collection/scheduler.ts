/**
 * The collection loop's one step: run the sources that are due, re-host what they found, take
 * down posts deleted on Instagram, deliver the merchant's pending webhooks, refresh the
 * product feeds that are due, delete raw events past their retention, and erase collected
 * Instagram data past the workspace's retention (no granted rights).
 * Called by Cron Triggers on Workers and by a timer on Node; bounded so one step always fits
 * in a Worker invocation's limits. Collection and re-hosting are jobs (jobs.ts): done in the
 * step, or, given a job queue, sent to it for its consumer to run in parallel invocations.
 */
import type { CollectionJob, JobQueue } from '../../deps.ts';
import { discardStalePreviews, refreshDueFeeds } from '../catalog/refresh.ts';
import type { Outbound } from '../../outbound/guarded-fetch.ts';
import { purgeExpiredEvents } from '../tracking/retention.ts';
import { deliverWebhooks } from '../webhooks/outgoing.ts';
import { eraseDuePosts } from '../rights/erasure.ts';
import { runDueDraws } from '../campaigns/draw.ts';
import { deleteUnconfirmedSubmissions, eraseExpiredEntrantEmails } from '../campaigns/submission-retention.ts';
import { pollOwnMediaComments, pollRequestReplies } from './poll-replies.ts';
import { checkSourceDeletions } from './deletions.ts';
import { eraseExpiredPlatformData } from './platform-data.ts';
import { claimRehostJobs, claimSourceJobs, runCollectionJob, type JobResult } from './jobs.ts';
import type { RehostDeps } from './rehost.ts';
import type { RunReport } from './run-source.ts';

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
  /** Collection jobs sent to the job queue (their results are the consumer's to report). */
  queued: number;
  /** Campaign submissions never confirmed within 48 h, deleted with their files. */
  submissionsDeleted: number;
  /** Entrants' email addresses erased past their retention end. */
  entrantEmailsErased: number;
}

/**
 * How much a step claims: due sources (one job each) and media to re-host, `mediaPerJob` to a
 * job (by default all of them in one: in the step, a job is only a unit of claiming).
 */
export interface CollectionLimits {
  sources: number;
  media: number;
  mediaPerJob?: number;
}

/** A step's report of jobs run outside any step (the queue's consumer), in the same words. */
export function jobStep(result: JobResult): CollectionStep {
  return { ...result, takenDown: 0, webhooks: 0, feeds: 0, eventsPurged: 0, erased: 0, verifications: 0, platformDataErased: 0, draws: 0, queued: 0, submissionsDeleted: 0, entrantEmailsErased: 0 };
}

export type SchedulerDeps = RehostDeps & { outbound: Outbound };

export async function runDueCollection(deps: SchedulerDeps, now: number, limits: CollectionLimits = { sources: 5, media: 30 }, jobQueue: JobQueue | null = null): Promise<CollectionStep> {
  // Each queue is claimed, not just read: steps that overlap (a cron tick starting while the last
  // one still works) never run the same source, media or webhook twice.
  // Submission retention first, each part on its own: the 48 h deletion and the 90-day erasure
  // of entrants' addresses are promises made on the page, kept even when Instagram or a later
  // part of the step fails (and their own failure stops no collection).
  const submissionsDeleted = await deleteUnconfirmedSubmissions(deps, now).catch((error: unknown) => (console.error('submission retention: deleting unconfirmed submissions failed', error), 0));
  const entrantEmailsErased = await eraseExpiredEntrantEmails(deps.db, now).catch((error: unknown) => (console.error('submission retention: erasing entrants’ addresses failed', error), 0));
  const done: JobResult = { runs: [], stored: 0, failed: 0 };
  let queued = 0;
  const collect = async (jobs: CollectionJob[]) => {
    if (jobQueue) {
      if (jobs.length > 0) await jobQueue.send(jobs);
      queued += jobs.length;
      return;
    }
    for (const job of jobs) {
      const result = await runCollectionJob(deps, job, now);
      done.runs.push(...result.runs);
      done.stored += result.stored;
      done.failed += result.failed;
    }
  };
  await collect(await claimSourceJobs(deps.db, now, limits.sources));
  // Claimed after the sources ran, so that, in a step, what they found is re-hosted in it too.
  await collect(await claimRehostJobs(deps.db, now, limits.media, limits.mediaPerJob ?? limits.media));
  const { runs, stored, failed } = done;
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
  return { runs, stored, failed, takenDown, webhooks, feeds, eventsPurged, erased, verifications, platformDataErased, draws, queued, submissionsDeleted, entrantEmailsErased };
}
