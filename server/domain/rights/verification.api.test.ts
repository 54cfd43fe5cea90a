/**
 * Consent only the author can give (issue 14), on both runtimes, against the fake Instagram as
 * Meta behaves: a publicly posted link typed into by a stranger grants nothing public; the
 * author's reply from their own account (a `mentions` notification with `comment_id`, read back
 * through `mentioned_comment`) does; other accounts, expired and replayed codes are refused and
 * recorded; page-only consent counts only for a private request the workspace accepts it for;
 * erasure through an unverified link waits; analysts never see links.
 */
import { createHarness } from '#harness';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminPost } from '../../../shared/admin-types.ts';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import { pollOwnMediaComments, pollRequestReplies } from '../collection/poll-replies.ts';
import { auditLog, consentRecords, instagramConnections, mediaVariants, postMedia, posts, rightsRequests } from '../../db/schema.ts';
import type { FakeMedia } from '../../dev/fake-instagram/index.ts';
import { eraseDuePosts } from './erasure.ts';
import { addMember, admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import type { RequestView } from './requests.ts';

const DAY = 86_400_000;
const HOOK = 'http://vitrine.test/hooks/instagram';
let h: Harness;
let owner: AdminSession;
let analyst: AdminSession;

beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
  analyst = await addMember(h, owner, 'ana@example.com', 'analyst');
  await admin(h, owner, 'POST', '/instagram/connections', { igUserId: h.fake.account.igUserId, accessToken: h.fake.account.accessToken });
  const { connections } = (await (await admin(h, owner, 'GET', '/instagram/connections')).json()) as { connections: { id: string }[] };
  await admin(h, owner, 'POST', '/sources', { kind: 'mentions', connectionId: connections[0]!.id });
});

const publicIds = async () => ((await (await request(h, '/v1/galleries/demo/posts?limit=100')).json()) as GalleryPostsResponse).posts.map((p) => p.id);
const post = async (id: string) => (await h.db.select().from(posts).where(eq(posts.id, id)))[0]!;
const requestRow = async (id: string) => (await h.db.select().from(rightsRequests).where(eq(rightsRequests.id, id)))[0]!;
const refusals = async (postId: string) =>
  (await h.db.select().from(auditLog).where(and(eq(auditLog.targetId, postId), eq(auditLog.action, 'rights.verification_refused')))).map((a) => (a.after as { reason: string }).reason);

/** A post that @mentions the brand, collected by webhook, approved, in the demo gallery's workspace. */
async function mentionPost(author: string): Promise<{ media: FakeMedia; id: string }> {
  const media = h.fake.publish({ mentionsBrand: true, author });
  await h.fake.sendMentionWebhook(HOOK, media.id);
  const [row] = await h.db.select().from(posts).where(eq(posts.igMediaId, media.id));
  // Stored media, as re-hosting would leave them, so that granting is all that stands between it and the gallery.
  const { runDueCollection } = await import('../collection/scheduler.ts');
  await runDueCollection({ db: h.db, media: h.media, variants: h.variants, instagram: h.instagram, appSecret: 'test-secret', outbound: async () => new Response('ok') }, h.clock.now());
  await h.db.update(posts).set({ moderationStatus: 'approved' }).where(eq(posts.id, row!.id));
  return { media, id: row!.id };
}

async function ask(postId: string): Promise<RequestView> {
  const res = await admin(h, owner, 'POST', '/rights/requests', { postIds: [postId], language: 'en' });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { requests: RequestView[] }).requests[0]!;
}

async function openLink(link: string, lang = 'en') {
  const path = new URL(link).pathname;
  const html = await (await request(h, `${path}?lang=${lang}`)).text();
  return { html, path, form: /name="form" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '', reply: /<strong>(#YesLumen @maisonlumen [A-Z0-9]{6})<\/strong>/.exec(html)?.[1] };
}

function answer(path: string, fields: Record<string, string>) {
  return request(h, path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0 test' } });
}

/** Agrees on the page, typing `handle`; returns the reply the page then asks for. */
async function agreeOnPage(link: string, handle: string): Promise<string | undefined> {
  const { path, form } = await openLink(link);
  expect((await answer(path, { action: 'grant', form, handle, agree: 'yes' })).status).toBe(303);
  return (await openLink(link)).reply;
}

/** A reply under the brand's request comment, written by `from` on Instagram; Meta delivers what it delivers. */
const replyUnder = async (media: FakeMedia, request: RequestView, text: string, from: string) =>
  h.fake.sendCommentWebhook(HOOK, { mediaId: media.id, text, fromUsername: from, parentId: (await requestRow(request.id)).commentId! });

describe('a publicly posted link', () => {
  let target: { media: FakeMedia; id: string };
  let req: RequestView;
  let reply: string | undefined;

  it('typed into by a stranger with the author’s handle, grants nothing public, even where page-only consent is accepted', async () => {
    await admin(h, owner, 'PATCH', '/workspace', { settings: { acceptPageOnlyForPrivateRequests: true } });
    target = await mentionPost('lea.interiors');
    req = await ask(target.id);
    expect(req).toMatchObject({ channel: 'api_comment', sentVia: 'api_comment' });
    reply = await agreeOnPage(req.link, 'lea.interiors'); // the handle is public: anyone can type it
    expect(reply).toMatch(/^#YesLumen @maisonlumen [A-Z0-9]{6}$/);
    expect(await post(target.id)).toMatchObject({ rightsStatus: 'granted', rightsVerification: 'awaiting' });
    expect(await publicIds()).not.toContain(target.id);
    const [record] = await h.db.select().from(consentRecords).where(eq(consentRecords.rightsRequestId, req.id));
    expect(record).toMatchObject({ channel: 'rights_page', verification: 'page' });
    expect(record!.evidence.acceptedBecause).toBeUndefined();
    const fr = await openLink(req.link, 'fr');
    expect(fr.html).toContain('Confirmez depuis votre compte Instagram');
    expect(fr.reply).toBe(reply);
    await admin(h, owner, 'PATCH', '/workspace', { settings: { acceptPageOnlyForPrivateRequests: false } });
  });

  it('refuses the code from another account, and records it', async () => {
    const sent = await replyUnder(target.media, req, reply!, 'stranger.account');
    expect(sent.map((r) => r.status)).toEqual([200]); // a `mentions` notification with comment_id
    expect(await publicIds()).not.toContain(target.id);
    expect(await refusals(target.id)).toEqual(['other_account']);
  });

  it('goes public on the author’s own reply, delivered as mentions with comment_id, linking both pieces of evidence', async () => {
    const before = h.fake.requests.length;
    await replyUnder(target.media, req, `Sure! ${reply!.toLowerCase()}`, 'lea.interiors');
    expect(h.fake.requests.slice(before).some((r) => r.params.fields?.startsWith('mentioned_comment.comment_id('))).toBe(true);
    expect(await publicIds()).toContain(target.id);
    expect(await post(target.id)).toMatchObject({ rightsVerification: 'account' });
    const [page, account] = await h.db.select().from(consentRecords).where(eq(consentRecords.rightsRequestId, req.id)).orderBy(consentRecords.recordedAt);
    expect(account).toMatchObject({ channel: 'comment_reply', verification: 'account', authorUsername: 'lea.interiors', evidence: { commentText: `Sure! ${reply!.toLowerCase()}`, commentId: expect.any(String), commentTimestamp: expect.any(String), linkedConsentId: page!.id } });
    expect((await requestRow(req.id)).verifyCodeUsedAt).toBe(h.clock.now());
    expect((await openLink(req.link)).html).toContain('Withdraw my consent');
  });

  it('refuses the same code replayed in a new comment, and records it once', async () => {
    await replyUnder(target.media, req, reply!, 'lea.interiors');
    await replyUnder(target.media, req, reply!, 'stranger.account');
    expect(await refusals(target.id)).toEqual(['other_account', 'replayed', 'replayed']);
    const grants = await h.db.select().from(consentRecords).where(eq(consentRecords.rightsRequestId, req.id));
    expect(grants).toHaveLength(2);
  });

  it('erases at once through the link of a verified author', async () => {
    const { path, form } = await openLink(req.link);
    expect((await answer(path, { action: 'erase', form })).status).toBe(303);
    expect(await post(target.id)).toMatchObject({ erasedAt: h.clock.now(), caption: '', erasureDueAt: null });
    expect(await h.db.select().from(postMedia).where(eq(postMedia.postId, target.id))).toEqual([]);
    expect((await openLink(req.link)).html).toContain('Your photo and its text were deleted.');
  });
});

describe('an expired code', () => {
  it('is refused and recorded; the post stays private', async () => {
    const target = await mentionPost('tom.loft');
    const req = await ask(target.id);
    const reply = await agreeOnPage(req.link, 'tom.loft');
    const start = h.clock.now();
    h.clock.advance(8 * DAY);
    try {
      await replyUnder(target.media, req, reply!, 'tom.loft');
      expect(await refusals(target.id)).toEqual(['expired']);
      expect(await post(target.id)).toMatchObject({ rightsVerification: 'awaiting' });
      expect(await publicIds()).not.toContain(target.id);
    } finally {
      h.clock.set(start);
    }
  });
});

describe('without webhooks', () => {
  it('finds the author’s reply by polling the brand’s request comment', async () => {
    const target = await mentionPost('iris.home');
    const req = await ask(target.id);
    const reply = await agreeOnPage(req.link, 'iris.home');
    await h.db.update(instagramConnections).set({ webhooksSubscribedAt: null });
    try {
      const poll = (at: number) => pollRequestReplies({ db: h.db, graph: h.instagram.graph, appSecret: 'test-secret' }, at);
      // The start of a 10-minute window (the limit counts in fixed windows), whatever the test clock's start.
      const start = (Math.floor(h.clock.now() / 600_000) + 1) * 600_000;
      expect(await poll(start)).toBe(0); // read once: no reply yet
      h.fake.comment({ mediaId: target.media.id, text: reply!, fromUsername: 'iris.home', parentId: (await requestRow(req.id)).commentId! });
      // Each request's thread is read at most every 10 minutes.
      expect(await poll(start + 60_000)).toBe(0);
      expect(await publicIds()).not.toContain(target.id);
      expect(await poll(start + 10 * 60_000)).toBe(1);
      expect(await publicIds()).toContain(target.id);
      // Once verified, the request's thread is not read again, and nothing is recorded twice.
      const thread = `/v21.0/${(await requestRow(req.id)).commentId}/replies`;
      const before = h.fake.requests.length;
      expect(await poll(start + 20 * 60_000)).toBe(0);
      expect(h.fake.requests.slice(before).some((r) => r.path === thread)).toBe(false);
      expect(await h.db.select().from(consentRecords).where(eq(consentRecords.rightsRequestId, req.id))).toHaveLength(2);
    } finally {
      await h.db.update(instagramConnections).set({ webhooksSubscribedAt: h.clock.now() });
    }
  });
});

describe('without webhooks, a request sent by hand', () => {
  it('is verified by the author’s code commented under one of the brand’s newest posts, read every 10 minutes', async () => {
    await h.db.update(posts).set({ rightsStatus: 'none' }).where(eq(posts.id, 'post_demo05'));
    const author = (await post('post_demo05')).authorUsername!;
    const made = ((await (await admin(h, owner, 'POST', '/rights/requests', { postIds: ['post_demo05'] })).json()) as { requests: RequestView[] }).requests[0]!;
    expect(made.channel).toBe('manual');
    expect((await admin(h, owner, 'POST', `/rights/requests/${made.id}/sent`, { via: 'direct_message' })).status).toBe(204);
    const reply = await agreeOnPage(made.link, author);
    expect(await post('post_demo05')).toMatchObject({ rightsVerification: 'awaiting' });
    await h.db.update(instagramConnections).set({ webhooksSubscribedAt: null });
    try {
      const poll = (at: number) => pollOwnMediaComments({ db: h.db, graph: h.instagram.graph, appSecret: 'test-secret' }, at);
      const start = (Math.floor(h.clock.now() / 600_000) + 1) * 600_000;
      const brandPost = h.fake.publish({ own: true });
      // Someone else copies the code first: refused, and recorded once however often it is read.
      h.fake.comment({ mediaId: brandPost.id, text: reply!, fromUsername: 'copy.cat' });
      expect(await poll(start)).toBe(1);
      expect(await refusals('post_demo05')).toEqual(['other_account']);
      h.fake.comment({ mediaId: brandPost.id, text: reply!, fromUsername: author });
      expect(await poll(start + 60_000)).toBe(0); // the brand's posts are read at most every 10 minutes
      expect(await publicIds()).not.toContain('post_demo05');
      expect(await poll(start + 10 * 60_000)).toBe(1);
      expect(await refusals('post_demo05')).toEqual(['other_account']);
      expect(await post('post_demo05')).toMatchObject({ rightsStatus: 'granted', rightsVerification: 'account' });
      expect(await publicIds()).toContain('post_demo05');
      // Read again, the same comments change nothing and record nothing twice.
      expect(await poll(start + 20 * 60_000)).toBe(0);
      expect(await refusals('post_demo05')).toEqual(['other_account']);
    } finally {
      await h.db.update(instagramConnections).set({ webhooksSubscribedAt: h.clock.now() });
    }
  });
});

describe('a request sent privately', () => {
  let req: RequestView;

  const privately = async (postId: string) => {
    await h.db.update(posts).set({ rightsStatus: 'none' }).where(eq(posts.id, postId));
    const made = ((await (await admin(h, owner, 'POST', '/rights/requests', { postIds: [postId] })).json()) as { requests: RequestView[] }).requests[0]!;
    expect((await admin(h, owner, 'POST', `/rights/requests/${made.id}/sent`, { via: 'pigeon' })).status).toBe(400);
    expect((await admin(h, owner, 'POST', `/rights/requests/${made.id}/sent`, { via: 'direct_message' })).status).toBe(204);
    return made;
  };

  it('yields page-only consent only where the workspace accepts it, with the reason in the evidence', async () => {
    // Off by default: even a private request waits for the author's account.
    const waiting = await privately('post_demo03');
    await agreeOnPage(waiting.link, (await post('post_demo03')).authorUsername!);
    expect(await post('post_demo03')).toMatchObject({ rightsVerification: 'awaiting' });
    expect(await publicIds()).not.toContain('post_demo03');

    await admin(h, owner, 'PATCH', '/workspace', { settings: { acceptPageOnlyForPrivateRequests: true } });
    req = await privately('post_norights');
    await agreeOnPage(req.link, 'marco.casa');
    expect(await post('post_norights')).toMatchObject({ rightsVerification: 'page' });
    expect(await publicIds()).toContain('post_norights');
    const exported = (await (await admin(h, owner, 'GET', '/rights/export?postId=post_norights')).json()) as { records: { kind: string; verification: { method: string; acceptedBecause: string | null } | null }[] };
    expect(exported.records.at(-1)).toMatchObject({ kind: 'granted', verification: { method: 'page', acceptedBecause: expect.stringContaining('direct message') } });
  });

  it('erasure through the link takes the post down at once, holds deletion 30 days (panel shows it, re-publishing refused), then deletes', async () => {
    const items = await h.db.select().from(postMedia).where(eq(postMedia.postId, 'post_norights'));
    const keys = (await h.db.select().from(mediaVariants).where(eq(mediaVariants.mediaId, items[0]!.id))).map((v) => v.storageKey);
    const { path, form } = await openLink(req.link);
    expect((await answer(path, { action: 'erase', form })).status).toBe(303);
    const due = h.clock.now() + 30 * DAY;
    expect(await publicIds()).not.toContain('post_norights');
    expect(await post('post_norights')).toMatchObject({ rightsStatus: 'withdrawn', erasureDueAt: due, erasedAt: null });
    expect(await h.media.get(keys[0]!)).not.toBeNull();
    expect((await openLink(req.link)).html).toContain('will be deleted on');
    const detail = (await (await admin(h, owner, 'GET', '/posts/post_norights')).json()) as AdminPost;
    expect(detail.rights).toMatchObject({ status: 'withdrawn', erasureDueAt: new Date(due).toISOString() });
    expect((await admin(h, owner, 'POST', '/rights/requests', { postIds: ['post_norights'] })).status).toBe(409);

    expect(await eraseDuePosts(h, h.clock.now() + 29 * DAY)).toBe(0);
    expect(await eraseDuePosts(h, due)).toBe(1);
    expect(await post('post_norights')).toMatchObject({ erasedAt: due, caption: '' });
    for (const key of keys) expect(await h.media.get(key)).toBeNull();
    await admin(h, owner, 'PATCH', '/workspace', { settings: { acceptPageOnlyForPrivateRequests: false } });
  });
});

describe('analysts', () => {
  it('see that a request exists, never its link or message', async () => {
    const mine = (await (await admin(h, owner, 'GET', '/rights/requests?postId=post_norights')).json()) as { requests: RequestView[] };
    expect(mine.requests[0]!.link).toContain('/r/');
    const res = await admin(h, analyst, 'GET', '/rights/requests?postId=post_norights');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(JSON.parse(body).requests[0]).toMatchObject({ id: mine.requests[0]!.id, status: expect.any(String), link: null, message: null });
    expect(body).not.toContain('/r/');
  });
});
