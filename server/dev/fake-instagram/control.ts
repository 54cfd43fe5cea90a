/**
 * Small HTTP controls over the fake's world, for the standalone server (scripts/fake-instagram.ts)
 * so a demo or a person can drive it: publish, expire the token, throttle, send webhooks.
 * Not part of the Graph API; mounted under /__control/ beside it.
 */
import { Hono } from 'hono';
import { THROTTLE_CODES, type ThrottleCode } from './errors.ts';
import type { FailureKind, FakeInstagram, FakePublishInput } from './types.ts';

type Body = Record<string, unknown>;

const str = (body: Body, name: string): string | undefined => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
const num = (body: Body, name: string): number | undefined => (typeof body[name] === 'number' ? (body[name] as number) : undefined);

class ControlError extends Error {}

function required(body: Body, name: string): string {
  const value = str(body, name);
  if (!value) throw new ControlError(`${name} is required`);
  return value;
}

export function createControlApp(fake: FakeInstagram): Hono {
  const app = new Hono();
  const read = async (request: Request): Promise<Body> => {
    const body: unknown = await request.json().catch(() => ({}));
    return body && typeof body === 'object' ? (body as Body) : {};
  };

  app.onError((err, c) => c.json({ error: err instanceof ControlError ? err.message : String(err) }, err instanceof ControlError ? 400 : 500));

  app.get('/', (c) =>
    c.json({
      graphBaseUrl: `${fake.baseUrl}/${fake.apiVersion}`,
      account: fake.account,
      appId: fake.appId,
      requests: fake.requests.length,
    }),
  );
  app.post('/publish', async (c) => c.json(fake.publish((await read(c.req.raw)) as FakePublishInput)));
  app.post('/generate', async (c) => {
    const body = await read(c.req.raw);
    const hashtag = str(body, 'hashtag');
    return c.json(fake.generate(num(body, 'count') ?? 1, hashtag ? { hashtag } : {}));
  });
  app.post('/comment', async (c) => {
    const body = await read(c.req.raw);
    const parentId = str(body, 'parentId');
    return c.json(fake.comment({ mediaId: required(body, 'mediaId'), text: required(body, 'text'), fromUsername: required(body, 'fromUsername'), ...(parentId ? { parentId } : {}) }));
  });
  app.post('/delete-media', async (c) => {
    fake.deleteMedia(required(await read(c.req.raw), 'mediaId'));
    return c.json({ ok: true });
  });
  app.post('/expire-token', (c) => {
    fake.expireToken();
    return c.json({ ok: true });
  });
  app.post('/revoke-token', async (c) => {
    fake.revokeToken(str(await read(c.req.raw), 'reason') === 'app-removed' ? 'app-removed' : 'password-changed');
    return c.json({ ok: true });
  });
  app.post('/renew-token', (c) => c.json({ accessToken: fake.renewToken() }));
  app.post('/throttle', async (c) => {
    const body = await read(c.req.raw);
    const code = num(body, 'code');
    if (!THROTTLE_CODES.includes(code as ThrottleCode)) throw new ControlError(`code must be one of ${THROTTLE_CODES.join(', ')}`);
    const calls = num(body, 'calls');
    const forMs = num(body, 'forMs');
    fake.throttle({ code: code as ThrottleCode, ...(calls !== undefined ? { calls } : {}), ...(forMs !== undefined ? { forMs } : {}) });
    return c.json({ ok: true });
  });
  app.post('/fail-next', async (c) => {
    const body = await read(c.req.raw);
    const error = str(body, 'error') ?? 'unknown';
    if (!['unknown', 'service', 'permission'].includes(error)) throw new ControlError('error must be unknown, service or permission');
    fake.failNext(num(body, 'count') ?? 1, error as FailureKind);
    return c.json({ ok: true });
  });
  app.post('/send-webhook', async (c) => {
    const body = await read(c.req.raw);
    const callbackUrl = required(body, 'callbackUrl');
    const mediaId = required(body, 'mediaId');
    const options = { duplicates: num(body, 'duplicates') ?? 0, forgeSignature: body.forgeSignature === true };
    const commentId = str(body, 'commentId');
    const parentId = str(body, 'parentId');
    const responses =
      body.field === 'comments'
        ? await fake.sendCommentWebhook(callbackUrl, { mediaId, text: required(body, 'text'), fromUsername: required(body, 'fromUsername'), ...(parentId ? { parentId } : {}) }, options)
        : await fake.sendMentionWebhook(callbackUrl, mediaId, { ...options, ...(commentId ? { commentId } : {}) });
    return c.json({ statuses: responses.map((r) => r.status) });
  });
  return app;
}
