/**
 * The Graph API surface as a Hono app: every call is versioned, authenticated, metered, may be
 * made to fail on purpose, and answers JSON with usage headers; errors use the Graph error body.
 */
import { Hono, type Context } from 'hono';
import type { accountRoutes } from './account-routes.ts';
import { presentedToken, type TokenState } from './auth.ts';
import type { GraphCall, GraphDeps } from './call.ts';
import { errorResponse, GraphError, graphErrors } from './errors.ts';
import { parseFields } from './fields.ts';
import type { hashtagRoutes } from './hashtag-routes.ts';
import type { mediaRoutes } from './media-routes.ts';
import type { Subscriptions } from './subscriptions.ts';
import type { FailureKind } from './types.ts';
import type { Usage, UsageBucket } from './usage.ts';
import type { userRoutes } from './user-routes.ts';

interface GraphAppOptions {
  apiVersion: string;
  deps: GraphDeps;
  tokens: TokenState;
  usage: Usage;
  /** The next forced failure, if `failNext` queued one. */
  takeFailure: () => FailureKind | undefined;
  fbtraceId: () => string;
  routes: {
    hashtags: ReturnType<typeof hashtagRoutes>;
    users: ReturnType<typeof userRoutes>;
    media: ReturnType<typeof mediaRoutes>;
    accounts: ReturnType<typeof accountRoutes>;
    subscriptions: Subscriptions;
  };
}

type Env = { Variables: { call: GraphCall } };

const FAILURES = { unknown: graphErrors.unknown, service: graphErrors.service, permission: graphErrors.permission };

export async function requestParams(request: Request): Promise<Record<string, string>> {
  const params: Record<string, string> = Object.fromEntries(new URL(request.url).searchParams);
  if (request.method === 'GET' || request.method === 'HEAD') return params;
  const type = request.headers.get('Content-Type') ?? '';
  if (type.includes('application/json')) {
    const body: unknown = await request.clone().json().catch(() => ({}));
    if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) params[k] = typeof v === 'string' ? v : JSON.stringify(v);
  } else if (type.includes('form')) {
    for (const [k, v] of await request.clone().formData()) if (typeof v === 'string') params[k] = v;
  }
  return params;
}

export function createGraphApp(options: GraphAppOptions): Hono<Env> {
  const { deps, routes, usage } = options;
  const { account, world } = deps;
  const app = new Hono<Env>();

  /** Hashtag Search and Facebook-side calls fall under Platform limits; IG business calls under BUC (§1.8). */
  const bucketOf = (path: string): UsageBucket => {
    const [, , first = '', edge] = path.split('/');
    const platform =
      first === 'ig_hashtag_search' || first === 'me' || first === account.pageId || world.hashtagName(first) !== undefined || edge === 'recently_searched_hashtags';
    return platform ? 'platform' : 'business';
  };

  const json = (c: Context<Env>, body: unknown) =>
    c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/json; charset=UTF-8', ...usage.headersFor(bucketOf(new URL(c.req.url).pathname)) });

  app.onError((err, c) => {
    const error = err instanceof GraphError ? err : graphErrors.unknown();
    if (!(err instanceof GraphError)) console.error('[fake-instagram]', err);
    const response = errorResponse(error, options.fbtraceId());
    const headers = usage.headersFor(bucketOf(new URL(c.req.url).pathname));
    for (const [name, value] of Object.entries(headers)) if (!response.headers.has(name)) response.headers.set(name, value);
    response.headers.set('facebook-api-version', options.apiVersion);
    return response;
  });

  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const params = await requestParams(c.req.raw);
    if (url.pathname.split('/')[1] !== options.apiVersion) throw graphErrors.unknownPath(url.pathname);
    const tokenError = options.tokens.check(presentedToken(c.req.raw, params));
    if (tokenError) throw tokenError;
    const throttled = usage.admit(bucketOf(url.pathname));
    if (throttled) throw throttled;
    const failure = options.takeFailure();
    if (failure) throw FAILURES[failure]();
    c.set('call', { url, params, fields: parseFields(params.fields) });
    await next();
    c.res.headers.set('facebook-api-version', options.apiVersion);
  });

  app.get('/:version/ig_hashtag_search', (c) => json(c, routes.hashtags.search(c.var.call)));
  app.get('/:version/me', (c) => json(c, routes.accounts.me(c.var.call)));
  app.get('/:version/me/accounts', (c) => json(c, routes.accounts.accounts(c.var.call)));

  app.get('/:version/:id', async (c) => {
    const id = c.req.param('id');
    const call = c.var.call;
    if (id === account.igUserId) return json(c, await routes.users.node(call));
    if (id === account.pageId) return json(c, routes.accounts.page(call));
    if (world.hashtagName(id) !== undefined) return json(c, routes.hashtags.node(id, call));
    return json(c, await routes.media.node(id, call));
  });

  app.get('/:version/:id/:edge', async (c) => {
    const { id, edge } = c.req.param();
    const call = c.var.call;
    if (id === account.igUserId) {
      if (edge === 'tags') return json(c, await routes.users.tags(call));
      if (edge === 'media') return json(c, await routes.users.media(call));
      if (edge === 'recently_searched_hashtags') return json(c, routes.hashtags.recentlySearched(call));
      throw graphErrors.unknownPath(edge);
    }
    if (world.hashtagName(id) !== undefined) {
      if (edge === 'recent_media' || edge === 'top_media') return json(c, await routes.hashtags.media(id, edge, call));
      throw graphErrors.unknownPath(edge);
    }
    return json(c, await routes.media.edge(id, edge, call));
  });

  app.post('/:version/:id/:edge', (c) => {
    const { id, edge } = c.req.param();
    if (id === account.igUserId && edge === 'mentions') return json(c, routes.users.replyToMention(c.var.call));
    if (id === account.pageId && edge === 'subscribed_apps') return json(c, routes.subscriptions.subscribe(c.var.call));
    throw graphErrors.unsupportedGet(id, 'post');
  });

  app.all('*', (c) => {
    throw graphErrors.unknownPath(new URL(c.req.url).pathname);
  });

  return app;
}
