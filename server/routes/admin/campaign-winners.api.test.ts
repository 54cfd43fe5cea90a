import { createHarness } from '#harness';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminCampaignWinners } from '../../../shared/admin-types.ts';
import { runBatch } from '../../db/client.ts';
import { auditLog, campaignWinners, users } from '../../db/schema.ts';
import { CLAIM_DAYS, SHORT_MAX } from '../../domain/campaigns/winner-messages.ts';
import { addMember, admin, signIn, TEST_ORIGIN, type AdminSession } from '../../dev/testing/admin-client.ts';
import { campaignPost, expectRefusal } from '../../dev/testing/campaign-entries.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';

const DAY = 86_400_000;
let h: Harness;
let now: number;
let owner: AdminSession;
let merchandiser: AdminSession;
let analyst: AdminSession;

/** An approved, consented entry with the test's hashtag, from Instagram when it has a media id. */
const entry = (id: string, author: string, igMediaId: string | null) =>
  campaignPost(h, now, id, 'Mon coin lecture #WinTest', { igMediaId, authorUsername: author, permalink: igMediaId ? `https://www.instagram.com/p/${igMediaId}/` : null });
const refusal = expectRefusal;

const winners = async (id: string, query = '', session = analyst) => {
  const res = await admin(h, session, 'GET', `/campaigns/${id}/winners${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AdminCampaignWinners;
};

beforeAll(async () => {
  h = await createHarness();
  now = h.clock.now();
  owner = await signIn(h);
  merchandiser = await addMember(h, owner, 'merch-winners@example.com', 'merchandiser');
  analyst = await addMember(h, owner, 'ana-winners@example.com', 'analyst');
  await runBatch(h.db, [entry('post_win_ig', 'clara.home', 'ig_win_1'), entry('post_win_upload', 'studio.b', null)]);
  const made = await admin(h, owner, 'POST', '/campaigns', {
    id: 'winners-fr',
    name: 'Concours lecture',
    hashtag: '#WinTest',
    startsAt: new Date(now - 10 * DAY).toISOString(),
    endsAt: new Date(now + DAY).toISOString(),
    status: 'published',
    prizes: ['Une lampe Lumen', 'Un vase'],
    winnerCount: 2,
    rules: { language: 'fr', title: 'Règlement', body: 'Une participation par personne, gagnants choisis par le jury.' },
  });
  expect(made.status, await made.clone().text()).toBe(201);
  // English rules published later do not change the campaign's language.
  expect((await admin(h, owner, 'POST', '/campaigns/winners-fr/rules', { language: 'en', title: 'Rules', body: 'One entry per person, winners picked by the jury.' })).status).toBe(201);
  expect((await admin(h, owner, 'POST', '/campaigns/winners-fr/winners', { postIds: ['post_win_ig', 'post_win_upload'] })).status).toBe(200);
});

describe('the winners and their messages', () => {
  it("gives each winner a message in the campaign's language, with the prize of their rank, the deadline and the proof", async () => {
    const answer = await winners('winners-fr');
    expect(answer).toMatchObject({ campaignId: 'winners-fr', language: 'fr', claimDays: CLAIM_DAYS });
    const [ig, upload] = answer.winners;
    expect(ig).toMatchObject({ postId: 'post_win_ig', rank: 1, method: 'jury', pickedBy: h.owner.email, author: 'clara.home', channel: 'instagram', prize: 'Une lampe Lumen', notifiedAt: null, notifiedBy: null, claimBy: new Date(now + CLAIM_DAYS * DAY).toISOString(), permalink: 'https://www.instagram.com/p/ig_win_1/' });
    expect(upload).toMatchObject({ postId: 'post_win_upload', rank: 2, channel: 'other', prize: 'Un vase', message: { short: null } });
    expect(ig!.message.subject).toBe('Vous avez gagné : Concours lecture !');
    expect(ig!.message.text).toMatch(/^Félicitations @clara\.home !\n\nNotre jury a choisi votre participation à Concours lecture\. Vous gagnez : Une lampe Lumen\./);
    expect(ig!.message.text).toContain('envoyez un message privé à @maisonlumen sur Instagram');
    expect(upload!.message.text).toContain('répondez à ce message');
    expect(ig!.message.text).toContain(`Le résultat est public : ${TEST_ORIGIN}/v1/campaigns/winners-fr/draw`);
    expect(ig!.message.short!.length).toBeLessThanOrEqual(SHORT_MAX);
    expect(ig!.message.short).toMatch(/^Félicitations @clara\.home ! Vous avez gagné Une lampe Lumen \(Concours lecture\)/);
    // The proof it links is there for anyone.
    expect((await request(h, '/v1/campaigns/winners-fr/draw')).status).toBe(200);
  });

  it('writes in English when asked, and names a language it does not write or an unknown parameter', async () => {
    const [ig] = (await winners('winners-fr', '?language=en')).winners;
    expect(ig!.message.subject).toBe('You won in Concours lecture!');
    expect(ig!.message.short).toMatch(/^Congratulations @clara\.home! You won Une lampe Lumen in Concours lecture/);
    await refusal(await admin(h, analyst, 'GET', '/campaigns/winners-fr/winners?language=de'), 400, 'language');
    await refusal(await admin(h, analyst, 'GET', '/campaigns/winners-fr/winners?lang=fr'), 400, 'lang');
    expect((await admin(h, analyst, 'GET', '/campaigns/nope/winners')).status).toBe(404);
  });

  it('records once, with who, that the merchant told a winner; the deadline then runs from that day', async () => {
    expect((await admin(h, analyst, 'POST', '/campaigns/winners-fr/winners/post_win_ig/notified')).status).toBe(403);
    await refusal(await admin(h, merchandiser, 'POST', '/campaigns/winners-fr/winners/post_win_nope/notified'), 404, 'postId');
    const told = await admin(h, merchandiser, 'POST', '/campaigns/winners-fr/winners/post_win_ig/notified');
    expect(told.status, await told.clone().text()).toBe(204);
    await refusal(await admin(h, owner, 'POST', '/campaigns/winners-fr/winners/post_win_ig/notified'), 409, 'postId');

    h.clock.set(now + 3 * DAY);
    try {
      const [ig, upload] = (await winners('winners-fr')).winners;
      expect(ig).toMatchObject({ notifiedAt: new Date(now).toISOString(), notifiedBy: 'merch-winners@example.com', claimBy: new Date(now + CLAIM_DAYS * DAY).toISOString() });
      // Not told yet: the deadline it would give runs from today.
      expect(upload).toMatchObject({ notifiedAt: null, claimBy: new Date(now + 3 * DAY + CLAIM_DAYS * DAY).toISOString() });
    } finally {
      h.clock.set(now);
    }
    const [merch] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'merch-winners@example.com'));
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.targetId, 'winners-fr'), eq(auditLog.action, 'campaign.winner_notified')));
    expect(audit).toEqual([expect.objectContaining({ actorKind: 'user', actorUserId: merch!.id, after: { postId: 'post_win_ig', method: 'jury', rank: 1 } })]);
  });

  it('keeps that record when the jury picks the winner again', async () => {
    expect((await admin(h, owner, 'POST', '/campaigns/winners-fr/winners', { postIds: ['post_win_upload', 'post_win_ig'] })).status).toBe(200);
    const rows = await h.db.select().from(campaignWinners).where(eq(campaignWinners.campaignId, 'winners-fr'));
    expect(rows.find((r) => r.postId === 'post_win_ig')).toMatchObject({ rank: 2, notifiedAt: now });
    expect(rows.find((r) => r.postId === 'post_win_upload')).toMatchObject({ rank: 1, notifiedAt: null });
  });

  it('tells a drawn winner they were drawn, among how many eligible entries', async () => {
    const made = await admin(h, owner, 'POST', '/campaigns', { id: 'winners-drawn', name: 'Reading contest', hashtag: 'wintest', startsAt: new Date(now - 10 * DAY).toISOString(), endsAt: new Date(now + DAY).toISOString(), status: 'published', prizes: ['A lamp each'], winnerCount: 2 });
    expect(made.status).toBe(201);
    expect((await admin(h, owner, 'POST', '/campaigns/winners-drawn/draw', { at: new Date(now + 2 * DAY).toISOString() })).status).toBe(200);
    h.clock.set(now + 2 * DAY);
    try {
      expect((await admin(h, owner, 'POST', '/campaigns/winners-drawn/draw/run')).status).toBe(200);
      const answer = await winners('winners-drawn');
      expect(answer.language).toBe('en');
      expect(answer.winners.map((w) => [w.method, w.prize])).toEqual([['draw', 'A lamp each'], ['draw', 'A lamp each']]);
      for (const w of answer.winners) {
        expect(w.message.text).toContain('Reading contest was drawn as a winner among 2 eligible entries. You win: A lamp each.');
        expect(w.message.text).toContain(`The draw is public and anyone can check it: ${TEST_ORIGIN}/v1/campaigns/winners-drawn/draw`);
      }
    } finally {
      h.clock.set(now);
    }
  });
});
