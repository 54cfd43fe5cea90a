import { createHarness } from '#harness';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminPostDetail, AdminPostsPage, ModerationResult } from '../../../shared/admin-types.ts';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import { admin, addMember, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';

let h: Harness;
let owner: AdminSession;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
});

const inbox = async (query: string, session = owner) => {
  const res = await admin(h, session, 'GET', `/posts?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AdminPostsPage;
};
const publicIds = async () => {
  const res = await request(h, '/v1/galleries/demo/posts?limit=100');
  return ((await res.json()) as GalleryPostsResponse).posts.map((p) => p.id);
};

describe('the inbox', () => {
  it('lists pending posts by default, with counts per status', async () => {
    const page = await inbox('');
    expect(page.posts.map((p) => p.id)).toEqual(['post_pending']);
    expect(page.counts).toEqual({ pending: 1, approved: 23, rejected: 0, hidden: 0 });
    expect(page.posts[0]).toMatchObject({ moderation: { status: 'pending' }, rights: { status: 'granted' }, isPublic: false, productCount: 1 });
    // Previews go through the admin media route: the post is not public yet.
    const preview = page.posts[0]!.media[0]!.variants[0]!.url;
    expect(preview).toMatch(/^http:\/\/vitrine\.test\/admin\/media\/m\/med_post_pending_0\/display-320\.webp$/);
    expect((await admin(h, owner, 'GET', new URL(preview).pathname.replace('/admin', ''))).status).toBe(200);
    expect((await admin(h, null, 'GET', new URL(preview).pathname.replace('/admin', ''))).status).toBe(401);
  });

  it('searches captions and usernames, literally', async () => {
    expect((await inbox('status=approved&q=vase')).posts.map((p) => p.id)).toContain('post_demo02');
    expect((await inbox('status=approved&q=%40sofia')).posts.map((p) => p.id)).toEqual(['post_withdrawn']);
    expect((await inbox('status=approved&q=%25')).posts).toEqual([]);
    expect((await inbox('status=approved&q=vase')).counts.pending).toBe(0);
  });

  it('filters by rights, media type, products and date', async () => {
    expect((await inbox('status=approved&rights=withdrawn')).posts.map((p) => p.id)).toEqual(['post_withdrawn']);
    expect((await inbox('status=approved&rights=expired')).posts.map((p) => p.id)).toEqual(['post_expired']);
    expect((await inbox('status=approved&rights=granted&limit=100')).posts.map((p) => p.id)).not.toContain('post_expired');
    expect((await inbox('status=approved&mediaType=carousel')).posts.map((p) => p.id).sort()).toEqual(['post_demo04', 'post_demo12']);
    expect((await inbox('status=approved&hasProducts=false')).posts).toEqual([]);
    const today = new Date(h.clock.now()).toISOString().slice(0, 10);
    expect((await inbox(`status=approved&from=${today}&to=${today}`)).posts.length).toBeGreaterThan(0);
    expect((await inbox('status=approved&to=2001-01-01')).posts).toEqual([]);
  });

  it('counts the posts collected since a moment, for the inbox to announce them', async () => {
    const { posts } = await inbox('status=approved&limit=100');
    const collected = posts.map((p) => Date.parse(p.collectedAt)).sort((a, b) => a - b);
    const middle = collected[Math.floor(collected.length / 2)]!;
    const since = await inbox(`status=approved&collectedAfter=${middle}&limit=1`);
    const newer = collected.filter((at) => at > middle).length;
    expect(newer).toBeGreaterThan(0);
    expect(since.counts.approved).toBe(newer);
    expect((await inbox(`status=approved&collectedAfter=${collected.at(-1)}`)).counts.approved).toBe(0);
  });

  it('pages with a cursor and names bad parameters', async () => {
    const first = await inbox('status=approved&limit=10');
    const second = await inbox(`status=approved&limit=10&cursor=${first.nextCursor}`);
    expect(first.posts).toHaveLength(10);
    expect(new Set([...first.posts, ...second.posts].map((p) => p.id)).size).toBe(20);
    for (const [query, field] of [['status=nope', 'status'], ['limit=0', 'limit'], ['cursor=zzz', 'cursor'], ['rights=maybe', 'rights'], ['from=yesterday', 'from'], ['collectedAfter=soon', 'collectedAfter'], ['color=red', 'color']]) {
      const res = await admin(h, owner, 'GET', `/posts?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field, query).toBe(field);
    }
  });

  it('shows a post in detail with its products and consent evidence', async () => {
    const res = await admin(h, owner, 'GET', '/posts/post_withdrawn');
    const detail = (await res.json()) as AdminPostDetail;
    expect(detail.consent.map((r) => r.kind)).toEqual(['granted', 'granted', 'withdrawn']); // page, account verification, withdrawal
    expect(detail.consent.map((r) => r.verification)).toEqual(['page', 'account', null]);
    expect(detail.products[0]).toMatchObject({ sku: 'LUM-VASE-02', hotspot: { mediaId: 'med_post_withdrawn_0' } });
    expect((await admin(h, owner, 'GET', '/posts/post_nope')).status).toBe(404);
  });
});

describe('moderation', () => {
  it('approving a pending post with granted rights publishes it; undo takes it back', async () => {
    expect(await publicIds()).not.toContain('post_pending');
    const res = await admin(h, owner, 'POST', '/posts/moderation', { ids: ['post_pending'], status: 'approved' });
    expect(res.status).toBe(200);
    const result = (await res.json()) as ModerationResult;
    expect(result.previous).toEqual([{ id: 'post_pending', status: 'pending' }]);
    expect(await publicIds()).toContain('post_pending');

    expect((await admin(h, owner, 'POST', '/posts/moderation', { ids: ['post_pending'], status: 'pending' })).status).toBe(200);
    expect(await publicIds()).not.toContain('post_pending');
    const audit = (await (await admin(h, owner, 'GET', '/audit?limit=2')).json()) as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(['posts.pending', 'posts.approved']);
  });

  it('rejects in bulk, and refuses the whole batch when one id is unknown', async () => {
    const refused = await admin(h, owner, 'POST', '/posts/moderation', { ids: ['post_demo05', 'post_elsewhere'], status: 'rejected' });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('post_elsewhere');
    expect(await publicIds()).toContain('post_demo05');

    const res = await admin(h, owner, 'POST', '/posts/moderation', { ids: ['post_demo05', 'post_demo06'], status: 'rejected' });
    expect(res.status).toBe(200);
    expect(await publicIds()).not.toContain('post_demo05');
    await admin(h, owner, 'POST', '/posts/moderation', { ids: ['post_demo05', 'post_demo06'], status: 'approved' });
  });

  it('analysts read the inbox but cannot moderate', async () => {
    const analyst = await addMember(h, owner, 'ana@example.com', 'analyst');
    expect((await inbox('', analyst)).posts).toHaveLength(1);
    expect((await admin(h, analyst, 'POST', '/posts/moderation', { ids: ['post_pending'], status: 'approved' })).status).toBe(403);
  });
});

describe('auto-moderation rules', () => {
  it('adds, lists and removes rules, naming bad values', async () => {
    const created = await admin(h, owner, 'POST', '/moderation-rules', { kind: 'blocked_author', value: '@Bot.Account' });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as { id: string; value: string };
    expect(rule.value).toBe('bot.account');
    const bad = await admin(h, owner, 'POST', '/moderation-rules', { kind: 'min_resolution', value: 'big' });
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('value');
    expect(((await (await admin(h, owner, 'GET', '/moderation-rules')).json()) as { rules: unknown[] }).rules).toHaveLength(1);
    expect((await admin(h, owner, 'DELETE', `/moderation-rules/${rule.id}`)).status).toBe(204);
    expect((await admin(h, owner, 'DELETE', `/moderation-rules/${rule.id}`)).status).toBe(404);
  });
});
