/**
 * Rights end to end on both runtimes: terms versions, requests (API reply for mentions, assisted
 * for the rest), the rights page, approval by comment, withdrawal, erasure, the export — and
 * every way a false approval could slip in.
 */
import { createHarness } from '#harness';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import { consentRecords, mediaVariants, postMedia, posts, rightsRequests } from '../../db/schema.ts';
import { hmacSha256Hex } from '../../security/tokens.ts';
import { admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import type { RequestView } from './requests.ts';

const DAY = 86_400_000;
let h: Harness;
let owner: AdminSession;
const HOOK = 'http://vitrine.test/hooks/instagram';
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
  // The brand's account, connected: its Page subscribes to webhooks, as Meta requires.
  await admin(h, owner, 'POST', '/instagram/connections', { igUserId: h.fake.account.igUserId, accessToken: h.fake.account.accessToken });
});

async function ask(postIds: string[], language = 'en'): Promise<RequestView[]> {
  const res = await admin(h, owner, 'POST', '/rights/requests', { postIds, language });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { requests: RequestView[] }).requests;
}

/** The rights page as an author's browser sees it: GET, then post its form. */
async function openLink(link: string, lang = 'en') {
  const path = new URL(link).pathname;
  const res = await request(h, `${path}?lang=${lang}`, { headers: { 'user-agent': 'Mozilla/5.0 (iPhone) test' } });
  const html = await res.text();
  const form = /name="form" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
  return { res, html, form, path };
}

function answer(path: string, fields: Record<string, string>) {
  return request(h, path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0 (iPhone) test' } });
}

const publicIds = async () => ((await (await request(h, '/v1/galleries/demo/posts?limit=100')).json()) as GalleryPostsResponse).posts.map((p) => p.id);
const post = async (id: string) => (await h.db.select().from(posts).where(eq(posts.id, id)))[0]!;

describe('terms', () => {
  it('publishes a new version instead of editing, each with the hash of its text', async () => {
    const res = await admin(h, owner, 'POST', '/rights/terms', { language: 'en', title: 'Photo terms', body: 'You allow us to show your photo on our website for one year.', scope: ['website', 'social'], durationDays: 365 });
    expect(res.status).toBe(201);
    const terms = (await res.json()) as { version: number; contentHash: string };
    expect(terms.version).toBe(2);
    expect(terms.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const list = (await (await admin(h, owner, 'GET', '/rights/terms')).json()) as { terms: { version: number; language: string }[] };
    expect(list.terms.filter((t) => t.language === 'en').map((t) => t.version)).toEqual([2, 1]);
  });
});

describe('asking, granting, withdrawing', () => {
  let requested: RequestView;

  it('makes an assisted request for a post the API cannot comment on', async () => {
    requested = (await ask(['post_norights']))[0]!;
    expect(requested).toMatchObject({ channel: 'manual', status: 'draft', permalink: expect.stringContaining('instagram.com') });
    expect(requested!.message).toContain('#YesLumen @maisonlumen');
    expect(requested!.message).toContain(requested!.link);
    expect(requested!.link).toMatch(/^http:\/\/vitrine\.test\/r\/req_[\w]+\.[\w-]{22}$/);
    expect((await admin(h, owner, 'POST', `/rights/requests/${requested!.id}/sent`)).status).toBe(204);
    expect((await post('post_norights')).rightsStatus).toBe('requested');
  });

  it('shows the author the brand, the exact terms with version and hash, scope and duration, in their language', async () => {
    const en = await openLink(requested.link);
    expect(en.res.status).toBe(200);
    expect(en.res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(en.res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(en.html).toContain('Maison Lumen asks to use your photo');
    expect(en.html).toContain('Version 2 · fingerprint');
    expect(en.html).toContain('For 365 days from your agreement.');
    expect(en.html).toContain('name="agree"');
    expect(en.html).not.toContain('checked');
    expect(en.html).not.toContain('<script');
    const image = await request(h, `${en.path}/image`);
    expect(image.status).toBe(200);
    const fr = await openLink(requested.link, 'fr');
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.html).toContain('Maison Lumen vous demande d’utiliser votre photo');
  });

  it('refuses the wrong account, a missing tick, a tampered link and a replayed form', async () => {
    const { path, form } = await openLink(requested.link);
    expect((await answer(path, { action: 'grant', form, handle: 'someone.else', agree: 'yes' })).status).toBe(403);
    expect((await answer(path, { action: 'grant', form, handle: 'marco.casa' })).status).toBe(400);
    const tampered = path.slice(0, -3) + (path.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await answer(tampered, { action: 'grant', form, handle: 'marco.casa', agree: 'yes' })).status).toBe(404);
    expect((await request(h, tampered)).status).toBe(404);
    expect((await answer(path, { action: 'grant', form: 'f'.repeat(32), handle: 'marco.casa', agree: 'yes' })).status).toBe(409);
    expect(await h.db.select().from(consentRecords).where(eq(consentRecords.rightsRequestId, requested.id))).toEqual([]);
  });

  it('records the grant with its evidence; the post goes live once the author confirms from their account', async () => {
    const { path, form } = await openLink(requested.link);
    const res = await answer(path, { action: 'grant', form, handle: '@Marco.Casa', agree: 'yes' });
    expect(res.status).toBe(303);
    const [record] = await h.db.select().from(consentRecords).where(eq(consentRecords.rightsRequestId, requested.id));
    expect(record).toMatchObject({ kind: 'granted', channel: 'rights_page', verification: 'page', authorUsername: 'Marco.Casa', scope: ['website', 'social'], expiresAt: h.clock.now() + 365 * DAY });
    expect(record!.evidence).toMatchObject({ ipHash: expect.stringMatching(/^[0-9a-f]{64}$/), userAgent: 'Mozilla/5.0 (iPhone) test', confirmedHandle: 'Marco.Casa' });
    expect(record!.termsHash).toMatch(/^[0-9a-f]{64}$/);
    // The same form again is a replay: refused, nothing recorded twice.
    expect((await answer(path, { action: 'grant', form, handle: 'marco.casa', agree: 'yes' })).status).toBe(409);
    expect(await h.db.select().from(consentRecords).where(eq(consentRecords.rightsRequestId, requested.id))).toHaveLength(1);
    // Typed on the page only: not public until the author's account confirms.
    expect(await publicIds()).not.toContain('post_norights');
    const reply = /<strong>(#YesLumen @maisonlumen [A-Z0-9]{6})<\/strong>/.exec((await openLink(requested.link)).html)?.[1];
    expect(reply).toBeDefined();
    // The author answers under one of the brand's own posts: a `comments` notification.
    const brandPost = h.fake.publish({ own: true });
    await h.fake.sendCommentWebhook(HOOK, { mediaId: brandPost.id, text: reply!, fromUsername: 'marco.casa' });
    expect(await publicIds()).toContain('post_norights'); // approved in the seed, now rights-cleared
    const [, verified] = await h.db.select().from(consentRecords).where(eq(consentRecords.rightsRequestId, requested.id)).orderBy(consentRecords.recordedAt);
    expect(verified).toMatchObject({ kind: 'granted', channel: 'comment_reply', verification: 'account', evidence: { commentText: reply, linkedConsentId: record!.id } });
  });

  it('withdrawal takes the post and its media out at once, records it, and tells the merchant', async () => {
    const hook = await admin(h, owner, 'POST', '/webhooks', { url: 'https://merchant.example/hooks/vitrine', events: ['rights.withdrawn', 'rights.granted'] });
    const { secret } = (await hook.json()) as { secret: string };
    const page = (await (await request(h, '/v1/galleries/demo/posts?limit=100')).json()) as GalleryPostsResponse;
    const mediaUrl = new URL(page.posts.find((p) => p.id === 'post_norights')!.media[0]!.variants[0]!.url).pathname;
    expect((await request(h, mediaUrl)).status).toBe(200);

    const { path, form, html } = await openLink(requested.link);
    expect(html).toContain('Withdraw my consent');
    expect((await answer(path, { action: 'withdraw', form })).status).toBe(303);
    expect(await publicIds()).not.toContain('post_norights');
    expect((await request(h, mediaUrl)).status).toBe(404);
    const kinds = (await h.db.select().from(consentRecords).where(eq(consentRecords.rightsRequestId, requested.id)).orderBy(consentRecords.recordedAt)).map((r) => r.kind);
    expect(kinds).toEqual(['granted', 'granted', 'withdrawn']);

    const { runDueCollection } = await import('../collection/scheduler.ts');
    const outbox = h.outbox;
    await runDueCollection({ db: h.db, media: h.media, variants: h.variants, instagram: h.instagram, appSecret: 'test-secret', outbound: async (r) => { outbox.push({ url: r.url, headers: Object.fromEntries(r.headers), body: await r.text() }); return new Response('ok'); } }, h.clock.now());
    const sent = outbox.find((s) => s.headers['x-vitrine-event'] === 'rights.withdrawn')!;
    expect(sent.url).toBe('https://merchant.example/hooks/vitrine');
    expect(JSON.parse(sent.body)).toMatchObject({ event: 'rights.withdrawn', data: { postId: 'post_norights', requestId: requested.id } });
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sent.headers['x-vitrine-signature']!)!;
    expect(v1).toBe(await hmacSha256Hex(secret, `${t}.${sent.body}`));
  });

  it('refuses to register a webhook to the host itself or its network, naming why', async () => {
    for (const [url, why] of [
      ['https://127.0.0.1:8080/hook', '127.0.0.1 is a loopback address'],
      ['https://[::ffff:10.0.0.1]/hook', 'a private address inside IPv6'],
      ['https://metadata.internal./computeMetadata', 'is a local name'],
    ] as const) {
      const res = await admin(h, owner, 'POST', '/webhooks', { url, events: ['rights.granted'] });
      expect(res.status, url).toBe(400);
      expect(await res.json()).toMatchObject({ error: { field: 'url', message: expect.stringContaining(why) } });
    }
  });

  it('exports every element of the consent record for a legal team', async () => {
    const res = await admin(h, owner, 'GET', '/rights/export?postId=post_norights');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const exported = (await res.json()) as { controller: object; records: Record<string, any>[] };
    expect(exported.controller).toEqual({ name: 'Maison Lumen', instagramHandle: 'maisonlumen' });
    const [granted, verified, withdrawn] = exported.records;
    expect(granted).toMatchObject({
      kind: 'granted',
      who: { username: 'Marco.Casa' },
      how: { channel: 'rights_page', evidence: { ipHash: expect.any(String), userAgent: expect.any(String) } },
      verification: { method: 'page', comment: null, acceptedBecause: null },
      shown: { requestText: requested.message, requestChannel: 'manual', requestSentAt: expect.any(String), terms: { version: 2, body: expect.stringContaining('one year'), contentHash: expect.any(String) }, termsHash: expect.any(String) },
      scope: ['website', 'social'],
      expiresAt: expect.any(String),
      recordedAt: expect.any(String),
    });
    expect(verified).toMatchObject({
      kind: 'granted',
      how: { channel: 'comment_reply' },
      verification: { method: 'account', comment: { id: expect.any(String), text: expect.stringMatching(/^#YesLumen @maisonlumen [A-Z0-9]{6}$/), timestamp: expect.any(String) }, linkedConsentId: granted!.id },
    });
    expect(withdrawn).toMatchObject({ kind: 'withdrawn', verification: null, recordedAt: expect.any(String) });
    expect((await admin(h, owner, 'GET', '/rights/export?author=nobody')).status).toBe(404);
    // Handles are case-insensitive: the author typed "Marco.Casa", the post says "marco.casa".
    expect(((await (await admin(h, owner, 'GET', '/rights/export?author=marco.casa')).json()) as { records: unknown[] }).records).toHaveLength(3);
  });

  it('erases at once for a verified author: media deleted, text scrubbed, the evidence kept as a tombstone', async () => {
    const { path, form } = await openLink(requested.link);
    const items = await h.db.select().from(postMedia).where(eq(postMedia.postId, 'post_norights'));
    const keys = (await h.db.select().from(mediaVariants).where(eq(mediaVariants.mediaId, items[0]!.id))).map((v) => v.storageKey);
    expect((await answer(path, { action: 'erase', form })).status).toBe(303);
    expect(await post('post_norights')).toMatchObject({ caption: '', authorUsername: null, permalink: null, erasedAt: h.clock.now() });
    for (const key of keys) expect(await h.media.get(key)).toBeNull();
    expect(await h.db.select().from(postMedia).where(eq(postMedia.postId, 'post_norights'))).toEqual([]);
    expect(await h.db.select().from(consentRecords).where(eq(consentRecords.postId, 'post_norights'))).toHaveLength(3);
    expect((await openLink(requested.link)).html).toContain('Your photo and its text were deleted.');
  });
});

describe('links that expire', () => {
  it('stop accepting consent after 60 days, but never stop withdrawal', async () => {
    await h.db.update(posts).set({ rightsStatus: 'none' }).where(eq(posts.id, 'post_demo03'));
    const [req] = await ask(['post_demo03']);
    const start = h.clock.now();
    h.clock.advance(61 * DAY);
    try {
      const late = await openLink(req!.link);
      expect(late.html).toContain('This link no longer accepts new agreements');
      expect((await answer(late.path, { action: 'grant', form: late.form, handle: (await post('post_demo03')).authorUsername!, agree: 'yes' })).status).toBe(409);
      // Granted in time, then withdrawn after the link's 60 days: withdrawal still works.
      h.clock.set(start);
      const inTime = await openLink(req!.link);
      const author = (await post('post_demo03')).authorUsername!;
      expect((await answer(inTime.path, { action: 'grant', form: inTime.form, handle: author, agree: 'yes' })).status).toBe(303);
      h.clock.advance(61 * DAY);
      const later = await openLink(req!.link);
      expect((await answer(later.path, { action: 'withdraw', form: later.form })).status).toBe(303);
      expect((await post('post_demo03')).rightsStatus).toBe('withdrawn');
    } finally {
      h.clock.set(start);
    }
  });
});

describe('approval by comment reply', () => {
  it('asks a post that @mentions the brand through the API, and only the author’s hashtag + @brand grants', async () => {
    // A mention, collected the way Instagram delivers it.
    const connections = (await (await admin(h, owner, 'GET', '/instagram/connections')).json()) as { connections: { id: string }[] };
    await admin(h, owner, 'POST', '/sources', { kind: 'mentions', connectionId: connections.connections[0]!.id });
    const media = h.fake.publish({ mentionsBrand: true, author: 'nina.makes' });
    await h.fake.sendMentionWebhook('http://vitrine.test/hooks/instagram', media.id);
    const [mention] = await h.db.select().from(posts).where(eq(posts.igMediaId, media.id));

    const [req] = await ask([mention!.id]);
    expect(req).toMatchObject({ channel: 'api_comment', status: 'sent' });
    const replyId = (await h.db.select().from(rightsRequests).where(eq(rightsRequests.id, req!.id)))[0]!.commentId;
    expect(replyId).toMatch(/^\d+$/);

    const comment = (text: string, fromUsername: string) => h.fake.sendCommentWebhook('http://vitrine.test/hooks/instagram', { mediaId: media.id, text, fromUsername, parentId: replyId! });
    // Replies under the brand's comment on someone else's post reach the brand as `mentions` with `comment_id`.
    expect((await comment('#YesLumen @maisonlumen', 'someone.else')).map((r) => r.status)).toEqual([200]); // not the author
    expect((await post(mention!.id)).rightsStatus).toBe('requested');
    expect(await comment('#YesLumen', 'nina.makes')).toEqual([]); // without @brand, Meta sends nothing at all
    await comment('Is this for the website?', 'nina.makes');
    expect((await post(mention!.id)).rightsStatus).toBe('requested');
    const replies = await comment('Yes! #YesLumen @maisonlumen', 'nina.makes');
    expect(replies.map((r) => r.status)).toEqual([200]);
    expect(await replies[0]!.json()).toMatchObject({ mentions: 0, replies: 1 }); // an answer, not a new post
    expect((await post(mention!.id)).rightsStatus).toBe('granted');
    expect((await post(mention!.id)).rightsVerification).toBe('account');
    const [record] = await h.db.select().from(consentRecords).where(and(eq(consentRecords.postId, mention!.id), eq(consentRecords.kind, 'granted')));
    expect(record).toMatchObject({ channel: 'comment_reply', verification: 'account', evidence: { commentText: 'Yes! #YesLumen @maisonlumen', commentId: expect.any(String) } });
    expect(await h.db.select().from(posts).where(eq(posts.igMediaId, media.id))).toHaveLength(1); // the comment mentions filed no post
  });
});

describe('renewals', () => {
  it('asks again once granted rights have expired, but not while they run', async () => {
    expect((await admin(h, owner, 'POST', '/rights/requests', { postIds: ['post_demo01'] })).status).toBe(409);
    expect((await admin(h, owner, 'POST', '/rights/requests', { postIds: ['post_expired'] })).status).toBe(201);
  });
});

describe('expirations', () => {
  it('lists granted permissions ending soon', async () => {
    const res = await admin(h, owner, 'GET', '/rights/expiring?days=365');
    const body = (await res.json()) as { posts: { id: string }[] };
    expect(body.posts.map((p) => p.id)).toContain('post_demo01'); // granted for 365 days in the seed
  });
});
