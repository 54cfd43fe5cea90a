import { createHarness } from '#harness';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminCampaign, AdminPostsPage, CampaignRulesView } from '../../../shared/admin-types.ts';
import type { PublicCampaignDraw } from '../../../shared/api-types.ts';
import { runBatch } from '../../db/client.ts';
import { auditLog, campaigns, posts } from '../../db/schema.ts';
import { drawWinners } from '../../domain/campaigns/draw-rule.ts';
import { runDueDraws } from '../../domain/campaigns/draw.ts';
import { DEMO_POSTS, DEMO_PUBLIC_POST_IDS } from '../../dev/seed/demo-content.ts';
import { addMember, admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { campaignPost, expectRefusal } from '../../dev/testing/campaign-entries.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import { listAllPublic } from '../../dev/testing/public-api.ts';
import { sha256Hex } from '../../security/hash.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let h: Harness;
let owner: AdminSession;
let merchandiser: AdminSession;
let analyst: AdminSession;
let now: number;

const RULES = { language: 'en', title: 'Official rules', body: 'Post a photo with #drawtest between the dates. One entry per person.' };

async function create(body: object, session = owner): Promise<AdminCampaign> {
  const res = await admin(h, session, 'POST', '/campaigns', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as AdminCampaign;
}

const campaignBody = (id: string, over: object = {}) => ({
  id,
  name: `Campaign ${id}`,
  hashtag: '#DrawTest',
  startsAt: new Date(now - 10 * DAY).toISOString(),
  endsAt: new Date(now + DAY).toISOString(),
  ...over,
});

const refusal = expectRefusal;

const post = (id: string, caption: string, over: Parameters<typeof campaignPost>[4] = {}) => campaignPost(h, now, id, caption, over);

beforeAll(async () => {
  h = await createHarness();
  now = h.clock.now();
  owner = await signIn(h);
  merchandiser = await addMember(h, owner, 'merch@example.com', 'merchandiser');
  analyst = await addMember(h, owner, 'ana@example.com', 'analyst');
  await runBatch(h.db, [
    post('post_cw_ok', 'Entering! #DrawTest'),
    post('post_cw_bang', 'so happy #drawtest!'),
    post('post_cw_newline', 'line\n#DRAWTEST\nmore'),
    post('post_cw_pending', '#drawtest', { moderationStatus: 'pending', rightsStatus: 'none', rightsVerification: null }),
    post('post_cw_withdrawn', '#drawtest', { rightsStatus: 'withdrawn' }),
    post('post_cw_expiring', '#drawtest', { rightsExpiresAt: now + 36 * HOUR }),
    post('post_cw_awaiting', '#drawtest', { rightsVerification: 'awaiting' }),
    // The same author twice: only the earlier counts.
    post('post_cw_twice_a', '#drawtest first', { authorUsername: 'twice', publishedAt: now - 6 * DAY }),
    post('post_cw_twice_b', '#drawtest again', { authorUsername: 'Twice', publishedAt: now - 4 * DAY }),
    // Not entries: another hashtag, outside the dates.
    post('post_cw_longer', '#drawtestfan'),
    post('post_cw_early', '#drawtest', { publishedAt: now - 11 * DAY }),
    post('post_cw_late', '#drawtest', { publishedAt: now + 2 * DAY }),
  ]);
});

const ENTRIES = ['post_cw_awaiting', 'post_cw_bang', 'post_cw_expiring', 'post_cw_newline', 'post_cw_ok', 'post_cw_pending', 'post_cw_twice_a', 'post_cw_twice_b', 'post_cw_withdrawn'];
const ELIGIBLE_AT_DRAW = ['post_cw_bang', 'post_cw_newline', 'post_cw_ok', 'post_cw_twice_a'];

describe('campaigns', () => {
  it('creates a campaign with rules hashed like the terms, reads, edits and deletes it, with audit entries', async () => {
    const made = await create({ ...campaignBody('crud'), prizes: ['A lamp'], rules: RULES });
    expect(made).toMatchObject({ id: 'crud', hashtag: 'drawtest', status: 'draft', winnerCount: 1, entriesPerAuthor: 1, prizes: ['A lamp'], description: '' });
    expect(made.rules).toEqual([expect.objectContaining({ version: 1, language: 'en', contentHash: await sha256Hex(JSON.stringify([RULES.title, RULES.body])) })]);
    expect(made.draw).toMatchObject({ state: 'unscheduled', seedHash: null, seed: null });

    const v2 = await admin(h, merchandiser, 'POST', '/campaigns/crud/rules', { ...RULES, body: `${RULES.body} Winners are drawn at random.` });
    expect(v2.status).toBe(201);
    expect(((await v2.json()) as CampaignRulesView).version).toBe(2);
    const history = (await (await admin(h, analyst, 'GET', '/campaigns/crud/rules')).json()) as { rules: CampaignRulesView[] };
    expect(history.rules.map((r) => r.version)).toEqual([2, 1]);
    expect(((await (await admin(h, analyst, 'GET', '/campaigns/crud')).json()) as AdminCampaign).rules.map((r) => r.version)).toEqual([2]);

    const patched = await admin(h, merchandiser, 'PATCH', '/campaigns/crud', { name: 'Renamed', description: 'é'.repeat(300), status: 'published' });
    expect(((await patched.json()) as AdminCampaign)).toMatchObject({ name: 'Renamed', status: 'published' });
    expect(((await (await admin(h, analyst, 'GET', '/campaigns')).json()) as { campaigns: AdminCampaign[] }).campaigns).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'crud' })]));

    const actions = await h.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetType, 'campaign'), eq(auditLog.targetId, 'crud')));
    expect(actions.map((a) => a.action).sort()).toEqual(['campaign.created', 'campaign.rules_published', 'campaign.rules_published', 'campaign.updated']);

    expect((await admin(h, owner, 'DELETE', '/campaigns/crud')).status).toBe(204);
    expect((await admin(h, owner, 'GET', '/campaigns/crud')).status).toBe(404);
  });

  it('refuses bad input naming the field, a taken id, and writes by analysts', async () => {
    await refusal(await admin(h, owner, 'POST', '/campaigns', campaignBody('Bad Id')), 400, 'id');
    await refusal(await admin(h, owner, 'POST', '/campaigns', campaignBody('bad-tag', { hashtag: '#two words' })), 400, 'hashtag');
    await refusal(await admin(h, owner, 'POST', '/campaigns', campaignBody('bad-dates', { endsAt: new Date(now - 20 * DAY).toISOString() })), 400, 'endsAt');
    await refusal(await admin(h, owner, 'POST', '/campaigns', campaignBody('bad-count', { winnerCount: 0 })), 400, 'winnerCount');
    await refusal(await admin(h, owner, 'POST', '/campaigns', campaignBody('bad-text', { name: 'a\ud800b' })), 400, 'name');
    await refusal(await admin(h, owner, 'POST', '/campaigns', campaignBody('bad-field', { entries: 3 })), 400, 'entries');
    await refusal(await admin(h, owner, 'POST', '/campaigns', campaignBody('bad-rules', { rules: { ...RULES, body: 'short' } })), 400, 'rules.body');
    await create(campaignBody('taken'));
    await refusal(await admin(h, owner, 'POST', '/campaigns', campaignBody('taken')), 409, 'id');
    await refusal(await admin(h, owner, 'PATCH', '/campaigns/taken', { startsAt: new Date(now + 5 * DAY).toISOString() }), 400, 'startsAt');
    expect((await admin(h, analyst, 'POST', '/campaigns', campaignBody('by-analyst'))).status).toBe(403);
    expect((await admin(h, analyst, 'PATCH', '/campaigns/taken', { name: 'x' })).status).toBe(403);
    await refusal(await admin(h, owner, 'GET', '/posts?campaign=NOT%20AN%20ID'), 400, 'campaign');
  });

  it('derives entries from caption hashtags within the dates: the inbox filter and the entries list agree', async () => {
    await create(campaignBody('entries'));
    const listed = async (path: string) => {
      const ids: string[] = [];
      for (const status of ['pending', 'approved']) ids.push(...((await (await admin(h, analyst, 'GET', `${path}${path.includes('?') ? '&' : '?'}status=${status}&limit=100`)).json()) as AdminPostsPage).posts.map((p) => p.id));
      return ids.sort();
    };
    expect(await listed('/posts?campaign=entries')).toEqual(ENTRIES);
    expect(await listed('/campaigns/entries/entries')).toEqual(ENTRIES);
    const page = (await (await admin(h, owner, 'GET', '/campaigns/entries/entries?status=pending')).json()) as AdminPostsPage;
    expect(page.counts).toMatchObject({ pending: 1, approved: ENTRIES.length - 1 });
    expect(page.posts[0]).toMatchObject({ id: 'post_cw_pending', moderation: { status: 'pending' }, rights: { status: 'none' } });
    const view = (await (await admin(h, owner, 'GET', '/campaigns/entries')).json()) as AdminCampaign;
    // Now, the expiring grant still runs.
    expect(view.entries).toEqual({ total: ENTRIES.length, eligible: ELIGIBLE_AT_DRAW.length + 1 });
    // Another workspace's campaign id finds nothing; an unknown campaign's entries are a 404.
    expect((await admin(h, owner, 'GET', '/campaigns/nope/entries')).status).toBe(404);
  });

  it('limits a gallery to a campaign, following its hashtag and dates', async () => {
    const yes = DEMO_POSTS.filter((p) => /#yeslumen\b/i.test(p.caption)).map((p) => p.id);
    await create(campaignBody('gallery', { hashtag: 'yeslumen', startsAt: new Date(now - 60 * DAY).toISOString() }));
    const res = await admin(h, owner, 'POST', '/galleries', { name: 'Contest', filters: { campaignId: 'gallery' } });
    expect(res.status).toBe(201);
    const galleryId = ((await res.json()) as { id: string }).id;
    const shown = await listAllPublic(h, galleryId, 100);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.sort()).toEqual(DEMO_PUBLIC_POST_IDS.filter((id) => yes.includes(id)).sort());
    // Dates that end before the newest posts: fewer, and the gallery follows at once.
    await admin(h, owner, 'PATCH', '/campaigns/gallery', { endsAt: new Date(now - 3 * DAY).toISOString() });
    const fewer = await listAllPublic(h, galleryId, 100);
    expect(fewer.length).toBeLessThan(shown.length);
    await refusal(await admin(h, owner, 'POST', '/galleries', { name: 'Bad', filters: { campaignId: 'Not An Id' } }), 400, 'filters.campaignId');
  });

  it('draws fairly: hash published first, seed revealed after, winners recomputable, ineligible entries refused', async () => {
    await create({ ...campaignBody('draw'), winnerCount: 2 });
    // A draft is not public.
    expect((await request(h, '/v1/campaigns/draw/draw')).status).toBe(404);
    await admin(h, owner, 'PATCH', '/campaigns/draw', { status: 'published' });
    await refusal(await admin(h, owner, 'POST', '/campaigns/draw/draw/run'), 409, 'draw');
    await refusal(await admin(h, owner, 'POST', '/campaigns/draw/draw', { at: new Date(now).toISOString() }), 400, 'at');
    const scheduled = (await (await admin(h, merchandiser, 'POST', '/campaigns/draw/draw', { at: new Date(now + 2 * DAY).toISOString() })).json()) as PublicCampaignDraw;
    expect(scheduled).toMatchObject({ state: 'scheduled', seed: null, entryIds: null, winners: [] });
    expect(scheduled.seedHash).toMatch(/^[0-9a-f]{64}$/);
    // Rescheduling moves the time, never the seed.
    const moved = (await (await admin(h, owner, 'POST', '/campaigns/draw/draw', { at: new Date(now + 3 * DAY).toISOString() })).json()) as PublicCampaignDraw;
    expect(moved.seedHash).toBe(scheduled.seedHash);
    const before = await request(h, '/v1/campaigns/draw/draw');
    expect(before.status).toBe(200);
    expect(before.headers.get('access-control-allow-origin')).toBe('*');
    expect((await before.json()) as PublicCampaignDraw).toMatchObject({ state: 'scheduled', seedHash: scheduled.seedHash, seed: null, entryIds: null });
    await refusal(await admin(h, owner, 'POST', '/campaigns/draw/draw/run'), 409, 'draw');

    h.clock.set(now + 3 * DAY);
    try {
      const ran = await admin(h, merchandiser, 'POST', '/campaigns/draw/draw/run');
      expect(ran.status, await ran.clone().text()).toBe(200);
      const drawn = (await (await request(h, '/v1/campaigns/draw/draw')).json()) as PublicCampaignDraw;
      expect(drawn.state).toBe('drawn');
      expect(await sha256Hex(drawn.seed!)).toBe(scheduled.seedHash);
      // Approved, consent active at the draw (the expiring grant ended), within the dates, one per author.
      expect(drawn.entryIds).toEqual(ELIGIBLE_AT_DRAW);
      expect(drawn.winners).toEqual(await drawWinners(drawn.seed!, drawn.entryIds!, 2));
      expect(drawn.winners).toHaveLength(2);
      // Entry ids only: no author names (this test's authors are the ids' tails, "twice" for two of them).
      expect(JSON.stringify(drawn)).not.toMatch(/author|username|"twice"|"ok"|"bang"/i);

      // What decides the result is frozen now.
      await refusal(await admin(h, owner, 'POST', '/campaigns/draw/draw/run'), 409, 'draw');
      await refusal(await admin(h, owner, 'POST', '/campaigns/draw/draw', { at: new Date(now + 4 * DAY).toISOString() }), 409, 'at');
      await refusal(await admin(h, owner, 'PATCH', '/campaigns/draw', { hashtag: 'other' }), 409, 'hashtag');
      await refusal(await admin(h, owner, 'DELETE', '/campaigns/draw'), 409, 'id');
      expect((await admin(h, owner, 'PATCH', '/campaigns/draw', { description: 'Congratulations!' })).status).toBe(200);
      const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.targetId, 'draw'), eq(auditLog.action, 'campaign.drawn')));
      expect(audit?.after).toMatchObject({ seedHash: scheduled.seedHash, entries: ELIGIBLE_AT_DRAW.length, winners: drawn.winners });
    } finally {
      h.clock.set(now);
    }
  });

  it('runs due draws as the scheduler step does, once', async () => {
    await create(campaignBody('auto', { endsAt: new Date(now + HOUR).toISOString() }));
    await admin(h, owner, 'POST', '/campaigns/auto/draw', { at: new Date(now + 2 * HOUR).toISOString() });
    expect(await runDueDraws(h.db, h.deps.secrets.appSecret, now + HOUR)).toBe(0);
    expect(await runDueDraws(h.db, h.deps.secrets.appSecret, now + 2 * HOUR)).toBe(1);
    expect(await runDueDraws(h.db, h.deps.secrets.appSecret, now + 3 * HOUR)).toBe(0);
    const [row] = await h.db.select({ drawnAt: campaigns.drawnAt, seed: campaigns.drawSeed }).from(campaigns).where(eq(campaigns.id, 'auto'));
    expect(row).toMatchObject({ drawnAt: now + 2 * HOUR, seed: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('lets an owner pick a jury winner among eligible entries, recorded with who picked', async () => {
    await create(campaignBody('jury', { winnerCount: 2 }));
    expect((await admin(h, merchandiser, 'POST', '/campaigns/jury/winners', { postIds: ['post_cw_ok'] })).status).toBe(403);
    await refusal(await admin(h, owner, 'POST', '/campaigns/jury/winners', { postIds: ['post_cw_withdrawn'] }), 409, 'postIds');
    await refusal(await admin(h, owner, 'POST', '/campaigns/jury/winners', { postIds: ['post_cw_twice_b'] }), 409, 'postIds');
    await refusal(await admin(h, owner, 'POST', '/campaigns/jury/winners', { postIds: ['post_cw_longer'] }), 404, 'postIds');
    await refusal(await admin(h, owner, 'POST', '/campaigns/jury/winners', { postIds: ['post_cw_ok', 'post_cw_bang', 'post_cw_newline'] }), 400, 'postIds');
    const res = await admin(h, owner, 'POST', '/campaigns/jury/winners', { postIds: ['post_cw_newline', 'post_cw_ok'] });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as PublicCampaignDraw).juryPicks).toEqual(['post_cw_newline', 'post_cw_ok']);
    const view = (await (await admin(h, analyst, 'GET', '/campaigns/jury')).json()) as AdminCampaign;
    expect(view.winners).toEqual([
      expect.objectContaining({ postId: 'post_cw_newline', rank: 1, method: 'jury', pickedBy: h.owner.email }),
      expect.objectContaining({ postId: 'post_cw_ok', rank: 2, method: 'jury', pickedBy: h.owner.email }),
    ]);
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.targetId, 'jury'), eq(auditLog.action, 'campaign.jury_picked')));
    expect(audit).toMatchObject({ actorKind: 'user', after: { postIds: ['post_cw_newline', 'post_cw_ok'] } });
    expect(audit?.actorUserId).toBeTruthy();
    // Withdrawal after a pick does not rewrite history, but the entry is eligible no more.
    await h.db.update(posts).set({ rightsStatus: 'withdrawn' }).where(inArray(posts.id, ['post_cw_newline']));
    await refusal(await admin(h, owner, 'POST', '/campaigns/jury/winners', { postIds: ['post_cw_newline'] }), 409, 'postIds');
    await h.db.update(posts).set({ rightsStatus: 'granted' }).where(inArray(posts.id, ['post_cw_newline']));
  });
});
