/**
 * The Cloudflare Workers entry: the same app as on Node, on D1 (or Turso) and R2. Static files
 * are served by Workers' `[assets]` before this code runs.
 */
import { createApp, type VitrineApp } from '../app.ts';
import { workerDeps, type WorkerEnv } from './worker-deps.ts';

// Bindings only exist once a request arrives; the app is built on the first one and reused
// for the isolate's lifetime.
let app: VitrineApp | undefined;

export default {
  fetch(request: Request, env: WorkerEnv, ctx: unknown): Response | Promise<Response> {
    app ??= createApp(workerDeps(env));
    return app.fetch(request, env, ctx as never);
  },
};
