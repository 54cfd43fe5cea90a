import type { CollectionStep } from '../domain/collection/scheduler.ts';

/** Where a step's report goes: the console on Node and in a Worker (Workers Logs keep it). */
export interface StepLog {
  log(message: string): void;
  warn(message: string): void;
}

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The lines one collection step reports, the same on Node's timer and Workers' Cron Triggers: one
 * line of what it did (none when it did nothing, so an idle install logs nothing each tick), then
 * one warning per source that failed.
 */
export function collectionStepLines(step: CollectionStep): { info: string | null; warnings: string[] } {
  const created = step.runs.reduce((n, r) => n + r.created, 0);
  const done = [
    created > 0 || step.stored > 0 ? `collected ${counted(created, 'new post')}, re-hosted ${step.stored} media` : null,
    step.failed > 0 ? `${step.failed} media to retry` : null,
    step.takenDown > 0 ? `took down ${counted(step.takenDown, 'post')} deleted on Instagram` : null,
    step.webhooks > 0 ? `delivered ${counted(step.webhooks, 'webhook')}` : null,
    step.feeds > 0 ? `refreshed ${counted(step.feeds, 'product feed')}` : null,
    step.eventsPurged > 0 ? `purged ${counted(step.eventsPurged, 'event')} past retention` : null,
    step.erased > 0 ? `erased ${counted(step.erased, 'post')} after their hold` : null,
    step.verifications > 0 ? `found ${counted(step.verifications, 'rights reply', 'rights replies')}` : null,
    step.platformDataErased > 0 ? `erased the media, captions and usernames of ${counted(step.platformDataErased, 'collected post')} past the Instagram data retention` : null,
    step.draws > 0 ? `ran ${counted(step.draws, 'campaign draw')}` : null,
    step.queued > 0 ? `queued ${counted(step.queued, 'collection job')}` : null,
  ].filter((part): part is string => part !== null);
  const info = done.length > 0 ? `${done.join(', ').replace(/^./, (c) => c.toUpperCase())}.` : null;
  const warnings = step.runs.filter((r) => r.error).map((r) => `Source ${r.sourceId}: ${r.error}`);
  return { info, warnings };
}

export function logCollectionStep(step: CollectionStep, log: StepLog = console): void {
  const { info, warnings } = collectionStepLines(step);
  if (info) log.log(info);
  for (const warning of warnings) log.warn(warning);
}
