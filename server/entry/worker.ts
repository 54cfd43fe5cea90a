/**
 * The Cloudflare Workers entry: the same app as on Node, on D1 (or Turso) and R2. Static files
 * are served by Workers' `[assets]` before this code runs.
 */
import { createApp, type VitrineApp } from '../app.ts';
import type { MessageBatch } from '@cloudflare/workers-types/index.ts';
import type { AppDeps } from '../deps.ts';
import { storeQueuedEvents } from '../domain/tracking/queued-events.ts';
import { edgeAnswers, type EdgeCache } from '../middleware/answer-cache/edge.ts';
import { runCronStep } from './worker-cron.ts';
import { consumeJobs, JOBS_QUEUE } from './worker-jobs.ts';
import { demoStoreAsset } from './worker-demo.ts';
import { workerDeps, type WorkerEnv } from './worker-deps.ts';

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** Workers' default cache (the project's types are the DOM's, whose CacheStorage has no `default`). */
const edgeCache = () => (caches as unknown as { default: EdgeCache }).default;

/**
 * The Worker's handlers around a way to make the app's dependencies from its bindings: the
 * deployed Worker uses `workerDeps`; the workerd tests pass their fakes (Instagram, the
 * merchant's systems) and run these same handlers.
 */
export function workerEntry(makeDeps: (env: WorkerEnv) => AppDeps = workerDeps) {
  // Bindings only exist once a request arrives; the app is built on the first one and reused
  // for the isolate's lifetime.
  let app: VitrineApp | undefined;
  // Gallery answers are shared by every isolate of a location through its edge cache.
  const appFor = (env: WorkerEnv) => (app ??= createApp(makeDeps(env), { answerCache: { shared: edgeAnswers(edgeCache()) } }));
  return {
    async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
      // [assets] answered every file that exists; a panel page the browser routes gets the panel.
      const url = new URL(request.url);
      if (request.method === 'GET' && url.pathname.startsWith('/panel/')) {
        return env.ASSETS.fetch(new URL('/panel/index.html', url).href) as unknown as Promise<Response>;
      }
      if (request.method === 'GET' || request.method === 'HEAD') {
        if (env.VITRINE_DEMO) {
          const page = await demoStoreAsset(env.ASSETS, url, async (path) => appFor(env).fetch(new Request(new URL(path, url)), env, ctx as never));
          if (page) return page;
        } else if (url.pathname === '/') {
          // A real install has no store page of its own: its address leads to the panel (as on Node).
          return Response.redirect(new URL('/panel/', url).href, 302);
        }
      }
      return appFor(env).fetch(request, env, ctx as never);
    },

    /**
     * Cron Triggers (wrangler.toml, every minute): one bounded, claimed collection step per tick;
     * with the JOBS queue, its collection and re-hosting are sent as jobs instead of done in it.
     */
    async scheduled(controller: { scheduledTime: number }, env: WorkerEnv): Promise<void> {
      await runCronStep(makeDeps(env), controller.scheduledTime);
    },

    /**
     * The queues' consumer (wrangler.toml `[[queues.consumers]]`). The job queue's deliveries run
     * collection jobs (worker-jobs.ts). The event queue's are written to the database together,
     * idempotently. Each message is acknowledged or retried on its own, so one that fails never
     * holds back the others; after the configured retries it waits in the dead-letter queue.
     */
    async queue(batch: MessageBatch<unknown>, env: WorkerEnv): Promise<void> {
      if (batch.queue === JOBS_QUEUE) return consumeJobs(makeDeps(env), batch);
      const outcomes = await storeQueuedEvents(makeDeps(env).db, batch.messages.map((m) => m.body));
      batch.messages.forEach((message, i) => {
        const outcome = outcomes[i]!;
        if ('failed' in outcome) {
          console.error('event message will be retried', message.id, `attempt ${message.attempts}`, outcome.failed instanceof Error ? outcome.failed.message : String(outcome.failed));
          return message.retry();
        }
        if ('dropped' in outcome) console.warn('event message dropped', message.id, outcome.dropped);
        message.ack();
      });
    },
  };
}

// Durable Object classes are exported by the Worker's main module (wrangler.toml `[[durable_objects.bindings]]`).
export { RateCounter } from './worker-limits.ts';

export default workerEntry();
