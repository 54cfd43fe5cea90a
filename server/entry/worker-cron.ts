import { runDueCollection, type CollectionStep } from '../domain/collection/scheduler.ts';
import type { AppDeps } from '../deps.ts';
import { logCollectionStep, type StepLog } from './collection-log.ts';

/**
 * One Cron Trigger's work. The cron fires every minute: with 30 media a step that is 1,800 media
 * an hour, and a step that runs past its minute overlaps the next without either doing an item
 * twice, since each step claims what it takes (db/due-queue.ts). Sources, media and webhooks per
 * step stay small enough for one invocation's CPU and subrequest limits.
 */
export const CRON_LIMITS = { sources: 5, media: 30 };

/** Runs the step at the trigger's own time and reports it as Node's timer does (collection-log.ts). */
export async function runCronStep(deps: AppDeps, scheduledTime: number, log: StepLog & { error(...data: unknown[]): void } = console): Promise<CollectionStep> {
  const { db, media, variants, instagram, outbound } = deps;
  try {
    const step = await runDueCollection({ db, media, variants, instagram, outbound, appSecret: deps.secrets.appSecret }, scheduledTime, CRON_LIMITS);
    logCollectionStep(step, log);
    return step;
  } catch (error) {
    // Logged like Node's timer, and thrown so the Cron Trigger's invocation shows as failed.
    log.error('collection step failed', error);
    throw error;
  }
}
