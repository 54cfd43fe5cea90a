/**
 * A faithful local fake of the Instagram Graph API (Instagram API with Facebook Login) and its
 * media CDN, for tests and the demo. It reproduces the real shapes, limits and quirks that the
 * research report beside the design brief records (reference/specs.md §1), so pointing a client
 * at the real API is a matter of changing the base URL. Runtime-agnostic (WebCrypto, Hono); only the default image renderer
 * (sharp) is Node-only, and it is loaded lazily.
 */
import { Hono } from 'hono';
import { accountRoutes } from './account-routes.ts';
import { createTokenState } from './auth.ts';
import { createCdn } from './cdn.ts';
import { generatePosts } from './generate.ts';
import { createGraphApp, requestParams } from './graph.ts';
import { hashtagRoutes } from './hashtag-routes.ts';
import { sharpRenderImage } from './images.ts';
import { mediaRoutes } from './media-routes.ts';
import { createRenderer } from './nodes.ts';
import { createHashtagQuota } from './quota.ts';
import { digits, idFactory, seededRandom } from './random.ts';
import { DAY_MS } from './time.ts';
import type { FailureKind, FakeInstagram, FakeInstagramOptions, RequestLogEntry } from './types.ts';
import { createUsage } from './usage.ts';
import { userRoutes } from './user-routes.ts';
import { commentNotification, createSubscriptions } from './subscriptions.ts';
import { deliverNotification, mentionChange, notificationBody, verifySubscription } from './webhooks.ts';
import { createWorld } from './world.ts';

export { HASHTAG_QUOTA_ERROR, THROTTLE_CODES, type GraphErrorBody, type ThrottleCode } from './errors.ts';
export { HASHTAG_QUOTA } from './quota.ts';
export { TOKEN_LIFETIME_MS } from './auth.ts';
export type * from './types.ts';
export type { ThrottleOptions } from './usage.ts';

export const DEFAULT_API_VERSION = 'v21.0';
export const DEFAULT_CDN_TTL_MS = 4 * DAY_MS;

export function createFakeInstagram(options: FakeInstagramOptions): FakeInstagram {
  const { clock, appSecret } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const ids = idFactory(random);
  const deliver = options.deliver ?? ((request: Request) => fetch(request));
  const appId = `1${digits(random, 15)}`;

  const username = options.username ?? 'maisonlumen';
  const tokens = createTokenState(clock, { appId, issue: ids.accessToken });
  const igUserId = ids.igUser();
  const pageId = ids.page();
  const account = {
    igUserId,
    username,
    pageId,
    get accessToken() {
      return tokens.current;
    },
  };
  const world = createWorld({ clock, ids, random, brand: { igUserId, username } });
  const cdn = createCdn({
    clock,
    baseUrl,
    ttlMs: options.cdnTtlMs ?? DEFAULT_CDN_TTL_MS,
    signingSecret: `fake-instagram-cdn-${seed}`,
    renderImage: options.renderImage ?? sharpRenderImage,
    lookup: (id) => {
      const media = world.media(id);
      if (media) return media;
      const child = world.child(id);
      return child ? { aspect: child.parent.aspect, deleted: child.parent.deleted } : undefined;
    },
  });
  const usage = createUsage(clock, { businessId: igUserId, impressions: options.impressions ?? 10 });
  const failures: FailureKind[] = [];
  const subscriptions = createSubscriptions();
  const deps = {
    clock,
    world,
    render: createRenderer({ world, cdn }),
    quota: createHashtagQuota(clock),
    account,
    appName: 'Maison Lumen',
    fbUserId: ids.fbUser(),
  };
  const graph = createGraphApp({
    apiVersion,
    deps,
    tokens,
    usage,
    takeFailure: () => failures.shift(),
    fbtraceId: ids.fbtrace,
    routes: { hashtags: hashtagRoutes(deps), users: userRoutes(deps), media: mediaRoutes(deps), accounts: accountRoutes(deps), subscriptions },
  });

  const requests: RequestLogEntry[] = [];
  const app = new Hono();
  app.use('*', async (c, next) => {
    requests.push({ method: c.req.method, path: new URL(c.req.url).pathname, params: await requestParams(c.req.raw) });
    await next();
  });
  app.get('/cdn/*', (c) => cdn.fetch(c.req.raw));
  app.route('/', graph);

  return {
    fetch: async (request) => app.fetch(request),
    account,
    appId,
    baseUrl,
    apiVersion,
    requests,
    publish: (input) => world.publish(input),
    generate: (count, generateOptions) => generatePosts(random, clock.now(), username, count, generateOptions).map((input) => world.publish(input)),
    comment: (input) => world.comment(input),
    media: (mediaId) => world.media(mediaId),
    deleteMedia: (mediaId) => world.deleteMedia(mediaId),
    expireToken: () => tokens.expire(),
    revokeToken: (reason = 'password-changed') => tokens.revoke(reason),
    renewToken: () => tokens.renew(),
    throttle: (throttleOptions) => usage.throttle(throttleOptions),
    failNext(count, error) {
      for (let i = 0; i < count; i++) failures.push(error);
    },
    async verifyWebhook(callbackUrl, verifyToken) {
      const challenge = digits(random, 10);
      return { response: await verifySubscription(deliver, callbackUrl, verifyToken, challenge), challenge };
    },
    async sendMentionWebhook(callbackUrl, mediaId, webhookOptions = {}) {
      if (!subscriptions.active || world.media(mediaId)?.privateAccount) return [];
      const body = notificationBody(igUserId, clock.now(), mentionChange(mediaId, webhookOptions.commentId));
      return deliverNotification(deliver, callbackUrl, body, appSecret, webhookOptions);
    },
    async sendCommentWebhook(callbackUrl, input, webhookOptions = {}) {
      const comment = world.comment(input);
      const change = commentNotification(world.media(input.mediaId)!, comment, world.commentMentionsBrand(comment));
      if (!subscriptions.active || !change) return [];
      const body = notificationBody(igUserId, clock.now(), change);
      return deliverNotification(deliver, callbackUrl, body, appSecret, webhookOptions);
    },
  };
}
