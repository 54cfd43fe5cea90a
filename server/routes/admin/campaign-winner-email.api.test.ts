import { createHarness } from '#harness';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminCampaignWinners } from '../../../shared/admin-types.ts';
import { createApp } from '../../app.ts';
import { runBatch } from '../../db/client.ts';
import { auditLog, campaignSubmissions, campaignWinners, users } from '../../db/schema.ts';
import { eraseExpiredEntrantEmails } from '../../domain/campaigns/submission-retention.ts';
import { UpstreamFailed } from '../../domain/errors.ts';
import { addMember, admin, signIn, TEST_ORIGIN, type AdminSession } from '../../dev/testing/admin-client.ts';
import { campaignPost, expectRefusal as refusal, shownIds } from '../../dev/testing/campaign-entries.ts';
import { TEST_CLIENT_IP_HEADER } from '../../dev/testing/client-ip.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';

const DAY = 86_400_000;
const ID = 'mail-win';
let h: Harness;
let now: number;
let owner: AdminSession;
let merchandiser: AdminSession;
let analyst: AdminSession;
const postOf: Record<string, string> = {};

/** Enters on the campaign's page as a creator does, confirms from the emailed link, and has the entry approved. */
async function enter(handle: string, email: string, lang: 'en' | 'fr', ip: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ handle, email, accept: 'yes', lang, ...(await shownIds(h, ID, lang)) })) form.append(k, v);
  form.append('photos', await h.image(400, 400), 'p.png');
  const sent = await request(h, `/c/${ID}`, { method: 'POST', headers: { [TEST_CLIENT_IP_HEADER]: ip }, body: form });
  expect(sent.status, await sent.clone().text()).toBe(303);
  const confirm = /\/c\/[^\s]+\/confirm\/[A-Za-z0-9_-]+/.exec(h.mailbox.filter((m) => m.to === email).at(-1)!.text)![0];
  const confirmed = await request(h, confirm, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=confirm' });
  expect(confirmed.status).toBe(303);
  const [row] = await h.db.select({ postId: campaignSubmissions.postId }).from(campaignSubmissions).where(eq(campaignSubmissions.email, email));
  expect((await admin(h, owner, 'POST', '/posts/moderation', { ids: [row!.postId], status: 'approved' })).status).toBe(200);
  postOf[handle] = row!.postId!;
}

const winners = async (session: AdminSession, query = '') => {
  const res = await admin(h, session, 'GET', `/campaigns/${ID}/winners${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AdminCampaignWinners;
};
const send = (session: AdminSession, postId: string, query = '', on: Harness = h) => admin(on, session, 'POST', `/campaigns/${ID}/winners/${postId}/email${query}`);
const told = async (postId: string) => (await h.db.select().from(campaignWinners).where(and(eq(campaignWinners.campaignId, ID), eq(campaignWinners.postId, postId))))[0]!.notifiedAt;

beforeAll(async () => {
  h = await createHarness();
  now = h.clock.now();
  owner = await signIn(h);
  merchandiser = await addMember(h, owner, 'merch-mail@example.com', 'merchandiser');
  analyst = await addMember(h, owner, 'ana-mail@example.com', 'analyst');
  await runBatch(h.db, [
    campaignPost(h, now, 'post_mail_ig', 'Mon salon #MailWin', { igMediaId: 'ig_mail_1', authorUsername: 'ig.entrant' }),
    campaignPost(h, now, 'post_mail_upload', 'Mon salon #MailWin', { authorUsername: 'upload.entrant' }),
  ]);
  const made = await admin(h, owner, 'POST', '/campaigns', {
    id: ID,
    name: 'Salon <cosy>',
    hashtag: 'MailWin',
    startsAt: new Date(now - 10 * DAY).toISOString(),
    endsAt: new Date(now + DAY).toISOString(),
    status: 'published',
    prizes: ['Une lampe'],
    winnerCount: 4,
    rules: { language: 'fr', title: 'Règlement', body: 'Une participation par personne, gagnants choisis par le jury.' },
  });
  expect(made.status, await made.clone().text()).toBe(201);
  await enter('jane.doe', 'jane.doe@example.com', 'en', '198.51.100.61');
  await enter('bob.b', 'bob@example.com', 'fr', '198.51.100.62');
  const picked = await admin(h, owner, 'POST', `/campaigns/${ID}/winners`, { postIds: [postOf['jane.doe'], postOf['bob.b'], 'post_mail_ig', 'post_mail_upload'] });
  expect(picked.status, await picked.clone().text()).toBe(200);
});

describe('emailing a winner who entered on the campaign page', () => {
  it('says which winners can be emailed, the address masked for those who run the campaign and hidden from analysts', async () => {
    const answer = await winners(merchandiser);
    expect(answer.mail).toBe(true);
    const [jane, bob, ig, upload] = answer.winners;
    expect(jane).toMatchObject({ postId: postOf['jane.doe'], email: 'on_record', emailMasked: 'j***@example.com', message: { language: 'en' } });
    // Bob entered in French, as the campaign's rules are.
    expect(bob).toMatchObject({ email: 'on_record', emailMasked: 'b***@example.com', message: { language: 'fr' } });
    expect(ig).toMatchObject({ channel: 'instagram', email: 'none', emailMasked: null, message: { language: 'fr' } });
    expect(upload).toMatchObject({ channel: 'other', email: 'none', emailMasked: null });
    const seen = JSON.stringify(await winners(analyst));
    expect(seen).not.toContain('example.com');
    expect(seen).toContain('"email":"on_record"');
  });

  it('refuses analysts, winners without an address, and a deployment without mail, recording nothing', async () => {
    expect((await send(analyst, postOf['jane.doe']!)).status).toBe(403);
    const ig = await send(merchandiser, 'post_mail_ig');
    await refusal(ig.clone(), 409, 'postId');
    expect(await ig.text()).toMatch(/"no_email".*entered on Instagram/);
    expect(await (await send(merchandiser, 'post_mail_upload')).text()).toMatch(/"no_email".*entered by an upload/);
    await refusal(await send(merchandiser, 'post_not_a_winner'), 404, 'postId');
    const off = await send(merchandiser, postOf['jane.doe']!, '', { ...h, app: createApp({ ...h.deps, mail: null }) });
    expect(off.status).toBe(503);
    expect(await off.text()).toContain('sends no mail');
    expect((await winners(merchandiser)).mail).toBe(true);
    for (const p of [postOf['jane.doe']!, 'post_mail_ig', 'post_mail_upload']) expect(await told(p)).toBeNull();
  });

  it('records nothing when the provider refuses: a 502', async () => {
    const failing = createApp({ ...h.deps, mail: { send: async () => Promise.reject(new UpstreamFailed('mail_refused', 'the mail provider answered 422')) } });
    const before = h.mailbox.length;
    expect((await send(merchandiser, postOf['jane.doe']!, '', { ...h, app: failing })).status).toBe(502);
    expect(h.mailbox.length).toBe(before);
    expect(await told(postOf['jane.doe']!)).toBeNull();
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, 'campaign.winner_notified'))).toEqual([]);
  });

  it("sends the message in the entrant's language to the confirmed address, then records it as told, once, with who", async () => {
    // A second "Send by email" while the first is still with the provider (a double click, another member) sends nothing.
    let sending!: () => void;
    const inProvider = new Promise<void>((resolve) => (sending = resolve));
    let release!: () => void;
    const provider = new Promise<void>((resolve) => (release = resolve));
    const slow = { ...h, app: createApp({ ...h.deps, mail: { send: async (m) => (sending(), await provider, h.deps.mail!.send(m)) } }) };
    const before = h.mailbox.length;
    const first = send(merchandiser, postOf['jane.doe']!, '', slow);
    await inProvider;
    const second = await send(owner, postOf['jane.doe']!, '', slow);
    await refusal(second.clone(), 409, 'postId');
    expect(await second.text()).toMatch(/"already_sending".*another request/);
    release();
    const res = await first;
    expect(res.status, await res.clone().text()).toBe(200);
    expect(h.mailbox.length).toBe(before + 1);
    expect(await res.json()).toEqual({ language: 'en', to: 'j***@example.com' });
    const mail = h.mailbox.at(-1)!;
    expect(mail).toMatchObject({ to: 'jane.doe@example.com', kind: 'campaign_winner', subject: 'You won in Salon <cosy>!', replyTo: 'merch-mail@example.com' });
    expect(mail.text).toMatch(/^Congratulations @jane\.doe!\n\nOur jury picked your entry to Salon <cosy>\. You win: Une lampe\./);
    expect(mail.text).toContain('reply to this message');
    expect(mail.text).toContain(`The result is public: ${TEST_ORIGIN}/v1/campaigns/${ID}/draw`);
    expect(mail.html).toMatch(/^<!doctype html><html lang="en">.*<title>You won in Salon &lt;cosy&gt;!<\/title>/s);
    expect(mail.html).toContain('<p>Our jury picked your entry to Salon &lt;cosy&gt;.');
    expect(mail.html).not.toContain('<cosy>');

    const [merch] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'merch-mail@example.com'));
    expect(await told(postOf['jane.doe']!)).toBe(now);
    const [jane] = (await winners(owner)).winners;
    expect(jane).toMatchObject({ notifiedAt: new Date(now).toISOString(), notifiedBy: 'merch-mail@example.com' });
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, 'campaign.winner_notified'));
    expect(audit).toEqual([expect.objectContaining({ actorKind: 'user', actorUserId: merch!.id, targetId: ID, after: { postId: postOf['jane.doe'], method: 'jury', rank: 1, via: 'email' } })]);

    const sent = h.mailbox.length;
    await refusal(await send(owner, postOf['jane.doe']!), 409, 'postId');
    await refusal(await admin(h, owner, 'POST', `/campaigns/${ID}/winners/${postOf['jane.doe']}/notified`), 409, 'postId');
    expect(h.mailbox.length).toBe(sent);
  });

  it('writes in the language asked; an erased address is named as the reason it cannot be sent', async () => {
    const [, bob] = (await winners(owner, '?language=en')).winners;
    expect(bob!.message.language).toBe('en');
    // The retention step, run as on the day the addresses' retention ends (sessions would not last that long).
    expect(await eraseExpiredEntrantEmails(h.db, now + 200 * DAY)).toBeGreaterThanOrEqual(2);
    const [, erased] = (await winners(owner)).winners;
    expect(erased).toMatchObject({ email: 'erased', emailMasked: null });
    const res = await send(owner, postOf['bob.b']!, '?language=en');
    await refusal(res.clone(), 409, 'postId');
    expect(await res.text()).toMatch(/"email_erased".*was erased/);
    expect(await told(postOf['bob.b']!)).toBeNull();
    await refusal(await send(owner, postOf['bob.b']!, '?language=de'), 400, 'language');
  });
});
