import { runDueCollection, type CollectionLimits, type CollectionStep, type SchedulerDeps } from '../domain/collection/scheduler.ts';
import type { AppDeps } from '../deps.ts';
import { logCollectionStep, type StepLog } from './collection-log.ts';

/**
 * One Cron Trigger's work without the JOBS queue. The cron fires every minute: with 30 media a
 * step that is 1,800 media an hour, and a step that runs past its minute overlaps the next without
 * either doing an item twice, since each step claims what it takes (db/due-queue.ts). Sources,
 * media and webhooks per step stay small enough for one invocation's CPU and subrequest limits.
 */
export const CRON_LIMITS: CollectionLimits = { sources: 5, media: 30 };

/**
 * With the JOBS queue (wrangler.toml), the tick only claims and sends; each job runs in a consumer
 * invocation of its own, many at once. A job of 10 media is 2-5.4 s of CPU for its renditions
 * (200-540 ms each, docs/SCALE.md), inside the 30 s an invocation has by default; 30 such jobs a
 * minute are 18,000 media an hour. Sources: 40 a minute, 2,400 runs an hour. Each source still
 * runs only when due (its interval, doubled past 75 % of Instagram's rate limit), so this raises
 * how many sources a host keeps on time, not how often any account is called; a redelivered job
 * calls nothing (jobs.ts). A tick sends at most 70 messages, inside one sendBatch's 100.
 */
export const QUEUE_LIMITS: CollectionLimits = { sources: 40, media: 300, mediaPerJob: 10 };

/** What the collection verbs need, from the app's dependencies. */
export function schedulerDeps(deps: AppDeps): SchedulerDeps {
  const { db, media, variants, instagram, outbound } = deps;
  return { db, media, variants, instagram, outbound, appSecret: deps.secrets.appSecret };
}

/** Runs the step at the trigger's own time and reports it as Node's timer does (collection-log.ts). */
export async function runCronStep(deps: AppDeps, scheduledTime: number, log: StepLog & { error(...data: unknown[]): void } = console): Promise<CollectionStep> {
  try {
    const jobs = deps.jobQueue ?? null;
    const step = await runDueCollection(schedulerDeps(deps), scheduledTime, jobs ? QUEUE_LIMITS : CRON_LIMITS, jobs);
    logCollectionStep(step, log);
    return step;
  } catch (error) {
    // Logged like Node's timer, and thrown so the Cron Trigger's invocation shows as failed.
    log.error('collection step failed', error);
    throw error;
  }
}
