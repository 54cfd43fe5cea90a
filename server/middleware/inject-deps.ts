import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';

/** Hands the app's dependencies to every route through `c.var`, so routes never import them. */
export const injectDeps = (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async function injectDeps(c, next) {
    c.set('db', deps.db);
    c.set('media', deps.media);
    c.set('clock', deps.clock);
    c.set('config', deps.config);
    c.set('secrets', deps.secrets);
    c.set('clientIp', deps.clientIp);
    c.set('instagram', deps.instagram);
    c.set('variants', deps.variants);
    c.set('outbound', deps.outbound);
    c.set('limits', deps.limits);
    c.set('eventQueue', deps.eventQueue ?? null);
    c.set('mail', deps.mail ?? null);
    await next();
  };
