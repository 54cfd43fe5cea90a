/**
 * The Cloudflare Workers entry: the same app as on Node, on D1 (or Turso) and R2. Static files
 * are served by Workers' `[assets]` before this code runs.
 */
import { createApp, type VitrineApp } from '../app.ts';
import { runDueCollection } from '../domain/collection/scheduler.ts';
import { workerDeps, type WorkerEnv } from './worker-deps.ts';

// Bindings only exist once a request arrives; the app is built on the first one and reused
// for the isolate's lifetime.
let app: VitrineApp | undefined;

export default {
  fetch(request: Request, env: WorkerEnv, ctx: unknown): Response | Promise<Response> {
    // [assets] answered every file that exists; a panel page the browser routes gets the panel.
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname.startsWith('/panel/')) {
      return env.ASSETS.fetch(new URL('/panel/index.html', url).href) as unknown as Promise<Response>;
    }
    app ??= createApp(workerDeps(env));
    return app.fetch(request, env, ctx as never);
  },

  /** Cron Triggers (wrangler.toml): one bounded collection step per tick. */
  async scheduled(_controller: unknown, env: WorkerEnv, ctx: { waitUntil(promise: Promise<unknown>): void }): Promise<void> {
    const deps = workerDeps(env);
    ctx.waitUntil(runDueCollection({ db: deps.db, media: deps.media, variants: deps.variants, instagram: deps.instagram, appSecret: deps.secrets.appSecret, outbound: deps.outbound }, deps.clock.now()));
  },
};
