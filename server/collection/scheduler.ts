/**
 * The collection loop's one step: run the sources that are due, then re-host what they found.
 * Called by Cron Triggers on Workers and by a timer on Node; bounded so one step always fits
 * in a Worker invocation's limits.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import { sources } from '../db/schema.ts';
import { rehostPending, type RehostDeps } from './rehost.ts';
import { runSource, type RunReport } from './run-source.ts';

export interface CollectionStep {
  runs: RunReport[];
  stored: number;
  failed: number;
}

export async function runDueCollection(deps: RehostDeps, now: number, limits = { sources: 5, media: 30 }): Promise<CollectionStep> {
  const due = await deps.db
    .select()
    .from(sources)
    .where(and(eq(sources.enabled, true), lte(sources.nextRunAt, now)))
    .orderBy(asc(sources.nextRunAt))
    .limit(limits.sources);
  const runs: RunReport[] = [];
  for (const source of due) runs.push(await runSource({ db: deps.db, graph: deps.instagram.graph, appSecret: deps.appSecret }, source, now));
  const { stored, failed } = await rehostPending(deps, now, limits.media);
  return { runs, stored, failed };
}
