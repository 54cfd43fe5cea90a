import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { APP_SECRET, makeFake } from './testkit.ts';

interface Delivery {
  method: string;
  url: string;
  headers: Headers;
  raw: string;
}

/** A receiver that records the raw bytes, as a real endpoint must verify them. */
function receiver() {
  const deliveries: Delivery[] = [];
  const deliver = async (request: Request) => {
    deliveries.push({ method: request.method, url: request.url, headers: request.headers, raw: await request.text() });
    return new Response('ok');
  };
  return { deliveries, deliver };
}

function verifies(raw: string, header: string | null, secret = APP_SECRET): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A fake whose Page subscribed the app, as Meta requires before it delivers anything. */
async function subscribedFake(deliver: (request: Request) => Promise<Response>) {
  const kit = makeFake({ deliver });
  const { status } = await kit.post(`/${kit.fake.account.pageId}/subscribed_apps`, { subscribed_fields: 'feed' });
  expect(status).toBe(200);
  return kit;
}

describe('webhooks', () => {
  it('posts a mentions notification in the real shape, signed over the raw body', async () => {
    const { deliveries, deliver } = receiver();
    const { fake, clock } = await subscribedFake(deliver);
    const media = fake.publish({ mentionsBrand: true });
    const responses = await fake.sendMentionWebhook('https://vitrine.test/hooks/instagram', media.id);
    expect(responses.map((r) => r.status)).toEqual([200]);
    const [d] = deliveries;
    expect(d!.method).toBe('POST');
    expect(d!.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(d!.raw)).toEqual({
      entry: [{ id: fake.account.igUserId, time: Math.floor(clock.now() / 1000), changes: [{ field: 'mentions', value: { media_id: media.id } }] }],
      object: 'instagram',
    });
    expect(verifies(d!.raw, d!.headers.get('X-Hub-Signature-256'))).toBe(true);
    expect(d!.headers.get('X-Hub-Signature')).toBe(`sha1=${createHmac('sha1', APP_SECRET).update(d!.raw).digest('hex')}`);
  });

  it('includes comment_id for a comment mention', async () => {
    const { deliveries, deliver } = receiver();
    const { fake } = await subscribedFake(deliver);
    const media = fake.publish({});
    const comment = fake.comment({ mediaId: media.id, text: '@maisonlumen 😍', fromUsername: 'ana.brunch' });
    await fake.sendMentionWebhook('https://vitrine.test/hooks', media.id, { commentId: comment.id });
    expect(JSON.parse(deliveries[0]!.raw).entry[0].changes[0].value).toEqual({ comment_id: comment.id, media_id: media.id });
  });

  it('can forge the signature, which then fails verification', async () => {
    const { deliveries, deliver } = receiver();
    const { fake } = await subscribedFake(deliver);
    await fake.sendMentionWebhook('https://vitrine.test/hooks', fake.publish({ mentionsBrand: true }).id, { forgeSignature: true });
    expect(deliveries[0]!.headers.get('X-Hub-Signature-256')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifies(deliveries[0]!.raw, deliveries[0]!.headers.get('X-Hub-Signature-256'))).toBe(false);
  });

  it('delivers duplicates as the same signed bytes', async () => {
    const { deliveries, deliver } = receiver();
    const { fake } = await subscribedFake(deliver);
    const responses = await fake.sendMentionWebhook('https://vitrine.test/hooks', fake.publish({ mentionsBrand: true }).id, { duplicates: 2 });
    expect(responses).toHaveLength(3);
    expect(new Set(deliveries.map((d) => d.raw)).size).toBe(1);
    expect(new Set(deliveries.map((d) => d.headers.get('X-Hub-Signature-256'))).size).toBe(1);
  });

  it('sends nothing before the Page subscribed the app, and nothing for a private account', async () => {
    const { deliveries, deliver } = receiver();
    const { fake, post } = makeFake({ deliver });
    const media = fake.publish({ mentionsBrand: true });
    expect(await fake.sendMentionWebhook('https://vitrine.test/hooks', media.id)).toEqual([]);
    expect(await fake.sendCommentWebhook('https://vitrine.test/hooks', { mediaId: media.id, text: 'Love it @maisonlumen', fromUsername: 'ana.brunch' })).toEqual([]);
    expect((await post(`/${fake.account.pageId}/subscribed_apps`, {})).status).toBe(400); // subscribed_fields is required
    await post(`/${fake.account.pageId}/subscribed_apps`, { subscribed_fields: 'feed' });
    const hidden = fake.publish({ mentionsBrand: true, privateAccount: true });
    expect(await fake.sendMentionWebhook('https://vitrine.test/hooks', hidden.id)).toEqual([]);
    expect(await fake.sendCommentWebhook('https://vitrine.test/hooks', { mediaId: hidden.id, text: '@maisonlumen', fromUsername: 'ana.brunch' })).toEqual([]);
    expect(deliveries).toEqual([]);
    expect(await fake.sendMentionWebhook('https://vitrine.test/hooks', media.id)).toHaveLength(1);
  });

  it('sends `comments` only for the brand’s own media; a comment elsewhere that @mentions the brand comes as `mentions` with `comment_id`', async () => {
    const { deliveries, deliver } = receiver();
    const { fake, get } = await subscribedFake(deliver);
    const theirs = fake.publish({ author: 'clara.home' });
    expect(await fake.sendCommentWebhook('https://vitrine.test/hooks', { mediaId: theirs.id, text: 'so nice', fromUsername: 'ana.brunch' })).toEqual([]);
    await fake.sendCommentWebhook('https://vitrine.test/hooks', { mediaId: theirs.id, text: '#YesLumen @maisonlumen K7QP4X', fromUsername: 'clara.home' });
    const change = JSON.parse(deliveries[0]!.raw).entry[0].changes[0];
    expect(change).toEqual({ field: 'mentions', value: { comment_id: expect.stringMatching(/^\d+$/), media_id: theirs.id } });
    const read = await get(`/${fake.account.igUserId}`, { fields: `mentioned_comment.comment_id(${change.value.comment_id}){id,text,username,timestamp,media{id}}` });
    expect(read.body.mentioned_comment).toEqual({ id: change.value.comment_id, text: '#YesLumen @maisonlumen K7QP4X', username: 'clara.home', timestamp: expect.stringMatching(/\+0000$/), media: { id: theirs.id } });
  });

  it('posts a comments notification for a comment on the brand’s own media', async () => {
    const { deliveries, deliver } = receiver();
    const { fake, get } = await subscribedFake(deliver);
    const media = fake.publish({ own: true });
    const question = fake.comment({ mediaId: media.id, text: 'Where is this lamp from?', fromUsername: 'clara.home' });
    await fake.sendCommentWebhook('https://vitrine.test/hooks', { mediaId: media.id, text: '#YesLumen', fromUsername: 'clara.home', parentId: question.id });
    const value = JSON.parse(deliveries[0]!.raw).entry[0].changes[0];
    expect(value).toEqual({
      field: 'comments',
      value: { from: { id: expect.stringMatching(/^\d+$/), username: 'clara.home' }, media: { id: media.id, media_product_type: 'FEED' }, id: expect.any(String), parent_id: question.id, text: '#YesLumen' },
    });
    const read = await get(`/${media.id}/comments`, { fields: 'id,text,username,replies{text,username}' });
    expect(read.body.data).toContainEqual({ id: question.id, text: 'Where is this lamp from?', username: 'clara.home', replies: { data: [{ text: '#YesLumen', username: 'clara.home' }], paging: expect.any(Object) } });
  });

  it('performs the subscription handshake', async () => {
    const { deliveries, deliver } = receiver();
    const { fake } = makeFake({ deliver });
    const { challenge } = await fake.verifyWebhook('https://vitrine.test/hooks?x=1', 'verify-me');
    const url = new URL(deliveries[0]!.url);
    expect(deliveries[0]!.method).toBe('GET');
    expect(Object.fromEntries(url.searchParams)).toEqual({ x: '1', 'hub.mode': 'subscribe', 'hub.challenge': challenge, 'hub.verify_token': 'verify-me' });
  });
});
