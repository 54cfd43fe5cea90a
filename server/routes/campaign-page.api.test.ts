import { createHarness } from '#harness';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminPostsPage } from '../../shared/admin-types.ts';
import { createApp } from '../app.ts';
import { campaignSubmissions, consentRecords, posts } from '../db/schema.ts';
import { eraseExpiredEntrantEmails } from '../domain/campaigns/submission-retention.ts';
import { confirmationMail } from '../domain/campaigns/submission-mail.ts';
import { discardSubmission } from '../domain/campaigns/submissions.ts';
import { runDueCollection } from '../domain/collection/scheduler.ts';
import { admin, signIn, type AdminSession } from '../dev/testing/admin-client.ts';
import { TEST_CLIENT_IP_HEADER } from '../dev/testing/client-ip.ts';
import { request, type Harness } from '../dev/testing/harness.ts';
import { listAllPublic } from '../dev/testing/public-api.ts';
import { shownIds } from '../dev/testing/campaign-entries.ts';
import { contains, filmedWithPosition, PLACES } from '../dev/testing/video-fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let h: Harness;
let owner: AdminSession;
let ips = 1;
let start: number;
const CAMPAIGN = 'spring-entries';

async function form(fields: Record<string, string>, photos: Blob[] = [], video?: Blob) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const [i, p] of photos.entries()) body.append('photos', p, `p${i}.png`);
  if (video) body.append('video', video, 'v.mp4');
  return body;
}

/** Sends the page's form from a fresh address (the limit is per address; one test covers it), with the ids its page shows unless given. */
async function submit(fields: Record<string, string>, photos: Blob[] = [], video?: Blob, ip = `198.51.100.${ips++}`, campaign = CAMPAIGN, headers: Record<string, string> = {}) {
  const all = { ...(await shownIds(h, campaign, fields.lang ?? 'en')), ...fields };
  return request(h, `/c/${campaign}`, { method: 'POST', headers: { [TEST_CLIENT_IP_HEADER]: ip, 'accept-language': 'en', ...headers }, body: await form(all, photos, video) });
}

const good = { handle: '@Creator.One', email: 'creator.one@example.com', accept: 'yes', lang: 'en' };

/** The links of the latest confirmation email to `to`. */
function links(to: string) {
  const mail = h.mailbox.filter((m) => m.to === to).at(-1);
  expect(mail, `a mail to ${to}`).toBeTruthy();
  const confirm = /\/c\/[^\s]+\/confirm\/[A-Za-z0-9_-]+/.exec(mail!.text)![0];
  const manage = /\/c\/[^\s]+\/entry\/[A-Za-z0-9_-]+/.exec(mail!.text)![0];
  return { mail: mail!, confirm, manage };
}

const post = (path: string, fields: Record<string, string>) => request(h, path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

async function inbox(): Promise<string[]> {
  const res = await admin(h, owner, 'GET', `/posts?campaign=${CAMPAIGN}&limit=100`);
  expect(res.status).toBe(200);
  return ((await res.json()) as AdminPostsPage).posts.map((p) => p.id);
}

async function approve(postId: string) {
  const res = await admin(h, owner, 'POST', '/posts/moderation', { ids: [postId], status: 'approved' });
  expect(res.status, await res.clone().text()).toBe(200);
}

beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
  const now = h.clock.now();
  start = now;
  const res = await admin(h, owner, 'POST', '/campaigns', {
    id: CAMPAIGN,
    name: 'Spring <b>entries</b>',
    hashtag: 'springentries',
    startsAt: new Date(now - DAY).toISOString(),
    endsAt: new Date(now + 10 * DAY).toISOString(),
    description: 'Show us your spring shelf.',
    prizes: ['A lamp'],
    status: 'published',
    rules: { language: 'en', title: 'Official rules', body: 'One entry per person.' },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  expect((await admin(h, owner, 'POST', `/campaigns/${CAMPAIGN}/rules`, { language: 'fr', title: 'Règlement', body: 'Une participation par personne.' })).status).toBe(201);
  expect((await admin(h, owner, 'POST', `/campaigns/${CAMPAIGN}/draw`, { at: new Date(now + 11 * DAY).toISOString() })).status).toBe(200);
});

describe('the demo campaign', () => {
  it('runs on the seed’s day, whatever day that is, with entries from the demo posts and rules in both languages', async () => {
    const en = await request(h, '/c/demo?lang=en');
    expect(en.status).toBe(200);
    const html = await en.text();
    expect(html).toContain('Cosy home contest');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(await (await request(h, '/c/demo?lang=fr')).text()).toContain('Concours Cosy home : règlement officiel');
    const res = await admin(h, owner, 'GET', '/campaigns/demo');
    const campaign = (await res.json()) as { status: string; entries: { total: number; eligible: number } };
    expect(campaign.status).toBe('published');
    expect(campaign.entries.total).toBeGreaterThanOrEqual(2);
    // The two demo posts on #cosyhome share an author: one entry per person.
    expect(campaign.entries.eligible).toBe(1);
  });
});

describe('the campaign page', () => {
  it('shows the campaign, its rules and terms, the seed hash and the form, in English or French, with strict headers', async () => {
    const en = await request(h, `/c/${CAMPAIGN}`, { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(en.status).toBe(200);
    expect(en.headers.get('content-security-policy')).toMatch(/default-src 'none'.*form-action 'self'.*frame-ancestors 'none'/);
    expect(en.headers.get('content-security-policy')).not.toMatch(/script-src/);
    expect(en.headers.get('referrer-policy')).toBe('no-referrer');
    expect(en.headers.get('cache-control')).toBe('no-store');
    const html = await en.text();
    expect(html).toContain('Spring &lt;b&gt;entries&lt;/b&gt;');
    expect(html).toContain('One entry per person.');
    expect(html).toMatch(/data-seed-hash>[0-9a-f]{64}</);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('<meta name="viewport"');
    expect(html).not.toMatch(/<script/);
    const fr = await (await request(h, `/c/${CAMPAIGN}`, { headers: { 'accept-language': 'fr-FR,fr' } })).text();
    expect(fr).toContain('<html lang="fr"');
    expect(fr).toContain('Une participation par personne.');
    expect(fr).toContain('Envoyer ma participation');
    // The visible switch, and ?lang= winning over the header.
    expect(fr).toContain(`href="/c/${CAMPAIGN}?lang=en"`);
    expect(await (await request(h, `/c/${CAMPAIGN}?lang=en`, { headers: { 'accept-language': 'fr' } })).text()).toContain('Send my entry');
  });

  it('is not found for an unknown or a draft campaign', async () => {
    expect((await request(h, '/c/no-such-campaign')).status).toBe(404);
    expect((await admin(h, owner, 'POST', '/campaigns', { id: 'draft-one', name: 'Draft', hashtag: 'draftone', startsAt: new Date(h.clock.now() - DAY).toISOString(), endsAt: new Date(h.clock.now() + DAY).toISOString() })).status).toBe(201);
    expect((await request(h, '/c/draft-one')).status).toBe(404);
    expect((await submit(good, [await h.image(800, 800)], undefined)).status).toBe(303);
  });
});

describe('a closed campaign', () => {
  it('shows why and refuses entries with a 403 naming the campaign', async () => {
    const now = h.clock.now();
    const res = await admin(h, owner, 'POST', '/campaigns', { id: 'ended-one', name: 'Ended', hashtag: 'endedone', status: 'published', startsAt: new Date(now - 10 * DAY).toISOString(), endsAt: new Date(now - DAY).toISOString(), rules: { language: 'en', title: 'Rules', body: 'One entry per person, drawn at random.' } });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await (await request(h, '/c/ended-one?lang=en')).text()).toContain('data-closed="ended"');
    const refused = await request(h, '/c/ended-one', { method: 'POST', headers: { [TEST_CLIENT_IP_HEADER]: '198.51.100.250' }, body: await form(good, [await h.image(500, 500)]) });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('data-field="campaign"');
  });
});

describe('a submission', () => {
  it('counts nowhere until its email is confirmed, then becomes a pending entry with complete evidence', async () => {
    const before = h.mailbox.length;
    const res = await submit({ ...good, email: 'first@example.com' }, [await h.image(1080, 1350), await h.image(1080, 1080)]);
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`/c/${CAMPAIGN}?lang=en&sent=1`);
    expect(h.mailbox.length).toBe(before + 1);
    const { mail, confirm, manage } = links('first@example.com');
    expect(mail.kind).toBe('submission_confirm');
    expect(mail.subject).toContain('Spring <b>entries</b>');
    // The HTML part escapes the campaign's name.
    expect(mail.html).toContain('Spring &lt;b&gt;entries&lt;/b&gt;');
    expect(mail.html).toContain(`href="http://vitrine.test${confirm}"`);

    // Unconfirmed: not in the inbox, not an entry, no post at all; only the hashed tokens are stored.
    const [row] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.email, 'first@example.com'));
    expect(row!.postId).toBeNull();
    expect(row!.handle).toBe('Creator.One');
    expect(row!.confirmTokenHash).not.toContain(confirm.split('/').at(-1)!);
    expect(await inbox()).toEqual([]);
    const campaign = await admin(h, owner, 'GET', `/campaigns/${CAMPAIGN}`);
    expect(((await campaign.json()) as { entries: { total: number } }).entries.total).toBe(0);

    // Opening the link shows a button; only the button confirms (a mail scanner's GET does nothing).
    const page = await request(h, confirm);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Confirm my entry');
    expect((await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, row!.id)))[0]!.postId).toBeNull();
    h.clock.advance(HOUR);
    const confirmed = await post(confirm, { action: 'confirm', lang: 'en' });
    expect(confirmed.status).toBe(303);
    const [after] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, row!.id));
    const postId = after!.postId!;
    expect(postId).toBeTruthy();
    expect(await inbox()).toEqual([postId]);

    const [p] = await h.db.select().from(posts).where(eq(posts.id, postId));
    expect(p).toMatchObject({ igMediaId: null, authorUsername: 'Creator.One', moderationStatus: 'pending', rightsStatus: 'granted', rightsVerification: 'email', mediaType: 'carousel', publishedAt: row!.submittedAt });
    const [consent] = await h.db.select().from(consentRecords).where(eq(consentRecords.postId, postId));
    expect(consent).toMatchObject({ kind: 'granted', channel: 'submission', verification: 'email', authorUsername: 'Creator.One', recordedAt: h.clock.now() });
    expect(consent!.termsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(consent!.scope!.length).toBeGreaterThan(0);
    expect(consent!.evidence).toMatchObject({ submissionId: row!.id, campaignId: CAMPAIGN, emailHash: row!.emailHash, handleVerified: false, rulesVersion: 1, rulesLanguage: 'en', confirmedAt: new Date(h.clock.now()).toISOString() });
    expect(consent!.evidence.rulesHash).toMatch(/^[0-9a-f]{64}$/);
    // The evidence export says how the grant was verified, and that the handle was not.
    const exported = await admin(h, owner, 'GET', `/rights/export?postId=${postId}`);
    expect(exported.status).toBe(200);
    const evidence = (await exported.json()) as { records: { verification: { method: string; email: { hash: string; handleVerified: boolean } } }[] };
    expect(evidence.records[0]!.verification).toMatchObject({ method: 'email', email: { hash: row!.emailHash, handleVerified: false } });

    // Confirming again changes nothing; the media are served once approved, with rights.
    const again = await post(confirm, { action: 'confirm' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('already confirmed');
    expect(await inbox()).toEqual([postId]);
    await approve(postId);
    const entries = await admin(h, owner, 'GET', `/campaigns/${CAMPAIGN}`);
    expect(((await entries.json()) as { entries: { total: number; eligible: number } }).entries).toEqual({ total: 1, eligible: 1 });
    expect(await listAllPublic(h, 'demo', 100)).toContain(postId);

    // Withdrawal from the email's second link: gone from every gallery at once, evidence appended.
    const manageRes = await request(h, manage);
    expect(await manageRes.text()).toContain('Withdraw my entry');
    expect((await post(manage, { action: 'withdraw' })).status).toBe(303);
    expect(await listAllPublic(h, 'demo', 100)).not.toContain(postId);
    const kinds = (await h.db.select().from(consentRecords).where(eq(consentRecords.postId, postId))).map((r) => r.kind);
    expect(kinds).toEqual(['granted', 'withdrawn']);
    const drawn = await admin(h, owner, 'GET', `/campaigns/${CAMPAIGN}`);
    expect(((await drawn.json()) as { entries: { eligible: number } }).entries.eligible).toBe(0);
    expect(await (await request(h, manage)).text()).toContain('data-state="withdrawn"');

    // Erasure: files and text gone, the email forgotten, the consent records kept.
    expect((await post(manage, { action: 'erase' })).status).toBe(303);
    const [erased] = await h.db.select().from(posts).where(eq(posts.id, postId));
    expect(erased!.erasedAt).not.toBeNull();
    expect(erased!.authorUsername).toBeNull();
    const [gone] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, row!.id));
    expect(gone!.email).toBeNull();
    expect((await h.db.select().from(consentRecords).where(eq(consentRecords.postId, postId))).length).toBe(2);
  });

  it('an unconfirmed one never counts and is deleted with its files after 48 hours', async () => {
    const res = await submit({ ...good, email: 'late@example.com' }, [await h.image(900, 900)]);
    expect(res.status).toBe(303);
    const { confirm } = links('late@example.com');
    const [row] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.email, 'late@example.com'));
    const key = row!.files[0]!.variants[0]!.storageKey;
    expect(await h.media.head(key)).not.toBeNull();
    // Never reachable as media before confirmation.
    expect((await request(h, `/media/${key}`)).status).toBe(404);
    h.clock.advance(47 * HOUR);
    await runDueCollection(h.deps as never, h.clock.now());
    expect((await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, row!.id))).length).toBe(1);
    h.clock.advance(2 * HOUR);
    // Past 48 h the link no longer confirms, and the retention step deletes it and its files.
    expect((await post(confirm, { action: 'confirm' })).status).toBe(410);
    const step = await runDueCollection({ ...h.deps, appSecret: h.deps.secrets.appSecret } as never, h.clock.now());
    expect(step.submissionsDeleted).toBeGreaterThanOrEqual(1);
    expect((await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, row!.id))).length).toBe(0);
    expect(await h.media.head(key)).toBeNull();
    expect(await inbox()).not.toContain(row!.postId);
    expect((await request(h, confirm)).status).toBe(404);
  });

  it('keeps a video entry without where it was filmed, nor the phone that filmed it', async () => {
    const { file } = filmedWithPosition();
    const res = await submit({ ...good, email: 'filmed@example.com' }, [], new Blob([file], { type: 'video/mp4' }));
    expect(res.status, await res.clone().text()).toBe(303);
    const [row] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.email, 'filmed@example.com'));
    const stored = await h.media.get(row!.files[0]!.variants[0]!.storageKey);
    const bytes = new Uint8Array(await new Response(stored!.body).arrayBuffer());
    expect(bytes.byteLength).toBe(file.byteLength);
    expect(row!.files[0]).toMatchObject({ type: 'video', width: 144, height: 256 });
    for (const place of PLACES) expect(contains(bytes, place), place).toBe(false);
  });

  it('refuses bad input with a 4xx naming the field, keeping nothing', async () => {
    const count = async () => (await h.db.select().from(campaignSubmissions)).length;
    const before = await count();
    const mails = h.mailbox.length;
    const image = await h.image(600, 600);
    const cases: [string, () => Promise<Response>, number][] = [
      ['photos', () => submit(good, Array.from({ length: 6 }, () => image)), 400],
      ['photos', () => submit(good, []), 400],
      ['photos.0', () => submit(good, [new Blob(['not an image at all'], { type: 'image/png' })]), 400],
      ['video', () => submit(good, [], new Blob(['not a video'], { type: 'video/mp4' })), 400],
      ['photos.0', () => submit(good, [new Blob([new Uint8Array(8 * 1024 * 1024 + 1)], { type: 'image/png' })]), 413],
      ['email', () => submit({ ...good, email: 'not-an-email' }, [image]), 400],
      ['handle', () => submit({ ...good, handle: 'bad\uD800handle' }, [image]), 400],
      ['handle', () => submit({ ...good, handle: 'has spaces' }, [image]), 400],
      ['accept', () => submit({ ...good, accept: '' }, [image]), 400],
    ];
    // One after the other: the page reads two uploads at once at most.
    for (const [field, send, status] of cases) {
      const res = await send();
      const html = await res.text();
      expect(res.status, `${field}: ${html.slice(0, 300)}`).toBe(status);
      expect(html).toContain(`data-field="${field}"`);
      expect(html).toContain('<html');
    }
    expect(await count()).toBe(before);
    expect(h.mailbox.length).toBe(mails);
  });

  it('records exactly the rules and terms the form showed, and asks again when they changed', async () => {
    const image = await h.image(640, 640);
    const count = async () => (await h.db.select().from(campaignSubmissions)).length;
    const before = await count();
    // The English page's ids sent with the French form: the French rules were never shown.
    const english = await shownIds(h, CAMPAIGN, 'en');
    const crossed = await submit({ ...good, lang: 'fr', email: 'crossed@example.com', ...english }, [image]);
    expect(crossed.status).toBe(409);
    const html = await crossed.text();
    expect(html).toContain('data-field="accept"');
    expect(html).toContain('acceptez-les à nouveau');
    // Rules republished between showing the page and sending it: asked again.
    const shown = await shownIds(h, CAMPAIGN, 'fr');
    expect((await admin(h, owner, 'POST', `/campaigns/${CAMPAIGN}/rules`, { language: 'fr', title: 'Règlement', body: 'Une participation par personne, v2.' })).status).toBe(201);
    expect((await submit({ ...good, lang: 'fr', email: 'stale@example.com', ...shown }, [image])).status).toBe(409);
    expect((await submit({ ...good, lang: 'fr', email: 'nothing@example.com', rules_id: '', terms_id: '' }, [image])).status).toBe(409);
    expect(await count()).toBe(before);
    // The French page as shown now: recorded as it is, in French.
    const fresh = await shownIds(h, CAMPAIGN, 'fr');
    expect(fresh.rules_id).not.toBe(shown.rules_id);
    expect((await submit({ ...good, lang: 'fr', email: 'fresh@example.com' }, [image])).status).toBe(303);
    const [row] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.email, 'fresh@example.com'));
    expect(row!.rulesId).toBe(fresh.rules_id);
    expect(row!.termsVersionId).toBe(fresh.terms_id);
  });

  it('reads at most two uploads at once, and asks a third to come back before reading it', async () => {
    const hanging = [0, 1].map((i) => {
      let control!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({ start: (c) => void (control = c) });
      const init = { method: 'POST', headers: { [TEST_CLIENT_IP_HEADER]: `203.0.113.${i + 10}`, 'content-type': 'multipart/form-data; boundary=x' }, body, duplex: 'half' };
      return { control, response: request(h, `/c/${CAMPAIGN}`, init as RequestInit) };
    });
    // Both are reading their bodies (sent slowly): the third is refused unread.
    hanging[0]!.control.enqueue(new TextEncoder().encode('--x\r\n'));
    let read = false;
    const third = await request(h, `/c/${CAMPAIGN}`, {
      method: 'POST',
      headers: { [TEST_CLIENT_IP_HEADER]: '203.0.113.12', 'content-type': 'multipart/form-data; boundary=x' },
      body: new ReadableStream({ pull: (c) => { read = true; c.close(); } }, { highWaterMark: 0 }),
      duplex: 'half',
    } as RequestInit);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await third.text()).toContain('data-field="form"');
    expect(read).toBe(false);
    // Once they end (here as broken forms), their slots are free again.
    for (const { control } of hanging) control.close();
    for (const { response } of hanging) expect((await response).status).toBe(400);
    expect((await submit({ ...good, email: 'after-busy@example.com' }, [await h.image(500, 500)])).status).toBe(303);
  });

  it('refuses a form posted from another site, before reading it', async () => {
    const image = await h.image(500, 500);
    const count = async () => (await h.db.select().from(campaignSubmissions)).length;
    const before = await count();
    for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }, { origin: 'null' }] as Record<string, string>[]) {
      const res = await submit({ ...good, email: 'csrf@example.com' }, [image], undefined, undefined, CAMPAIGN, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toContain('data-field="form"');
    }
    expect(await count()).toBe(before);
    // The page's own form: same origin, or a browser that says so.
    expect((await submit({ ...good, email: 'same-origin@example.com' }, [image], undefined, undefined, CAMPAIGN, { origin: 'http://vitrine.test' })).status).toBe(303);
    // The page's no-referrer policy makes a browser send `Origin: null` with its own form; it says same-origin.
    expect((await submit({ ...good, email: 'null-origin@example.com' }, [image], undefined, undefined, CAMPAIGN, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(303);
  });

  it('sends one address at most three confirmation mails a day', async () => {
    const image = await h.image(500, 500);
    const sent = () => h.mailbox.filter((m) => m.to === 'flooded@example.com').length;
    for (let i = 0; i < 3; i++) expect((await submit({ ...good, email: 'flooded@example.com' }, [image])).status).toBe(303);
    const res = await submit({ ...good, email: 'FLOODED@example.com' }, [image]);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await res.text()).toContain('data-field="email"');
    expect(sent()).toBe(3);
    expect(h.mailbox.filter((m) => m.to === 'FLOODED@example.com').length).toBe(0);
    expect((await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.email, 'FLOODED@example.com'))).length).toBe(0);
  });

  it('confirms once when confirmed twice at once, and a stale discard then leaves it and its files alone', async () => {
    expect((await submit({ ...good, email: 'double@example.com' }, [await h.image(600, 600)])).status).toBe(303);
    const { confirm } = links('double@example.com');
    const [stale] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.email, 'double@example.com'));
    const answers = await Promise.all([post(confirm, { action: 'confirm' }), post(confirm, { action: 'confirm' })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 303]);
    const [row] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, stale!.id));
    expect(row!.postId).toBeTruthy();
    expect((await h.db.select().from(consentRecords).where(eq(consentRecords.postId, row!.postId!))).length).toBe(1);
    expect((await h.db.select().from(posts).where(eq(posts.authorUsername, 'Creator.One'))).filter((p) => p.id === row!.postId).length).toBe(1);
    // A discard working from the row as it was before (the retention step, a withdraw) changes nothing now.
    expect(await discardSubmission({ db: h.db, media: h.media }, stale!)).toBe(false);
    expect((await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, stale!.id))).length).toBe(1);
    expect(await h.media.head(stale!.files[0]!.variants[0]!.storageKey)).not.toBeNull();
  });

  it('deletes expired submissions even when Instagram is down and one file will not delete', async () => {
    for (const email of ['stuck@example.com', 'freed@example.com']) expect((await submit({ ...good, email }, [await h.image(500, 500)])).status).toBe(303);
    const rows = await Promise.all(['stuck@example.com', 'freed@example.com'].map(async (e) => (await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.email, e)))[0]!));
    const stuckKey = rows[0]!.files[0]!.variants[0]!.storageKey;
    const media = Object.create(h.media) as typeof h.media;
    media.delete = async (key: string) => {
      if (key === stuckKey) throw new Error('the store refused');
      return h.media.delete(key);
    };
    h.clock.advance(49 * HOUR);
    const deps = { ...h.deps, media, appSecret: h.deps.secrets.appSecret, instagram: { get graph(): never { throw new Error('Instagram is down') } } };
    await expect(runDueCollection(deps as never, h.clock.now())).rejects.toThrow('Instagram is down');
    for (const row of rows) expect((await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, row.id))).length).toBe(0);
    expect(await h.media.head(rows[1]!.files[0]!.variants[0]!.storageKey)).toBeNull();
    expect(await h.media.head(rows[0]!.files[0]!.variants.at(-1)!.storageKey)).toBeNull();
  });

  it('refuses control characters in an email, keeps the subject on one line, and the used confirm link only says confirmed', async () => {
    const image = await h.image(500, 500);
    for (const email of ['a\u0000b@example.com', 'ab@exa\u200bmple.com', 'a\u202eb@example.com', 'ab@example.com\u0007']) {
      const res = await submit({ ...good, email }, [image]);
      expect(res.status, JSON.stringify(email)).toBe(400);
      expect(await res.text()).toContain('data-field="email"');
    }
    const mail = confirmationMail({ to: 'a@example.com', lang: 'en', handle: 'h', campaignName: 'Spring\r\nBcc: x@example.com\tsale', brand: 'B', confirmUrl: 'https://x/c/a/confirm/t', manageUrl: 'https://x/c/a/entry/t' });
    expect(mail.subject).toBe('Confirm your entry: Spring Bcc: x@example.com sale');

    expect((await submit({ ...good, email: 'evidence@example.com' }, [image], undefined, '198.51.100.250')).status).toBe(303);
    const { confirm, manage } = links('evidence@example.com');
    const confirmed = await request(h, confirm, { method: 'POST', headers: { [TEST_CLIENT_IP_HEADER]: '203.0.113.99', 'user-agent': 'MailApp/2', 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=confirm' });
    expect(confirmed.status).toBe(303);
    const [row] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.email, 'evidence@example.com'));
    const [consent] = await h.db.select().from(consentRecords).where(eq(consentRecords.postId, row!.postId!));
    expect(consent!.evidence.confirmUserAgent).toBe('MailApp/2');
    expect(consent!.evidence.confirmIpHash).toMatch(/^[0-9a-f]{64}$/);
    expect(consent!.evidence.confirmIpHash).not.toBe(consent!.evidence.ipHash);
    const page = await (await request(h, confirm)).text();
    expect(page).toContain('data-state="entered"');
    expect(page).not.toContain('value="withdraw"');
    expect(page).not.toContain('value="erase"');
    expect((await post(confirm, { action: 'withdraw' })).status).toBe(400);
    expect((await h.db.select().from(posts).where(eq(posts.id, row!.postId!)))[0]!.rightsStatus).toBe('granted');
    expect(await (await request(h, manage)).text()).toContain('value="withdraw"');
  });

  it('is rate-limited per address', async () => {
    const ip = '192.0.2.77';
    let last: Response | null = null;
    for (let i = 0; i < 11; i++) last = await submit({ ...good, email: 'x' }, [], undefined, ip);
    expect(last!.status).toBe(429);
    expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('keys one entrant per confirmed email in the draw, whatever handle they type', async () => {
    const ids: string[] = [];
    for (const handle of ['twin_a', 'twin_b']) {
      expect((await submit({ ...good, handle, email: 'Twin@Example.com' }, [await h.image(700, 700)])).status).toBe(303);
      const { confirm } = links('Twin@Example.com');
      await post(confirm, { action: 'confirm' });
      const [row] = await h.db.select().from(campaignSubmissions).where(and(eq(campaignSubmissions.handle, handle)));
      ids.push(row!.postId!);
      await approve(row!.postId!);
    }
    const res = await admin(h, owner, 'GET', `/campaigns/${CAMPAIGN}`);
    expect(((await res.json()) as { entries: { total: number; eligible: number } }).entries).toMatchObject({ eligible: 1 });
  });

  it('applies the workspace’s blocking rules to an entry, and never trusts a typed handle', async () => {
    const rule = async (kind: string, value: string) => ((await (await admin(h, owner, 'POST', '/moderation-rules', { kind, value })).json()) as { id: string }).id;
    const rules = [await rule('blocked_author', 'blocked.creator'), await rule('trusted_author', 'trusted.creator')];
    const entered: Record<string, typeof posts.$inferSelect> = {};
    for (const handle of ['@Blocked.Creator', 'trusted.creator']) {
      const email = `${handle.replace(/\W/g, '')}@example.com`;
      expect((await submit({ ...good, handle, email }, [await h.image(700, 700)])).status).toBe(303);
      expect((await post(links(email).confirm, { action: 'confirm' })).status).toBe(303);
      const [row] = await h.db.select({ postId: campaignSubmissions.postId }).from(campaignSubmissions).where(eq(campaignSubmissions.email, email));
      entered[handle] = (await h.db.select().from(posts).where(eq(posts.id, row!.postId!)))[0]!;
    }
    expect(entered['@Blocked.Creator']).toMatchObject({ moderationStatus: 'rejected', moderationRuleId: rules[0], moderationReason: '@blocked.creator is a blocked author' });
    // Anyone can type a trusted author's name: the entry waits for review like any other.
    expect(entered['trusted.creator']).toMatchObject({ moderationStatus: 'pending', moderationRuleId: null });
    for (const id of rules) expect((await admin(h, owner, 'DELETE', `/moderation-rules/${id}`)).status).toBeLessThan(300);
  });

  it('erases entrants’ email addresses after the retention end, on the scheduler step', async () => {
    const kept = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.handle, 'twin_a'));
    expect(kept[0]!.email).toBe('Twin@Example.com');
    h.clock.set(kept[0]!.emailEraseAt - 1);
    await runDueCollection({ ...h.deps, appSecret: h.deps.secrets.appSecret } as never, h.clock.now());
    expect((await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, kept[0]!.id)))[0]!.email).toBe('Twin@Example.com');
    h.clock.set(kept[0]!.emailEraseAt);
    // Bounded per tick: the rest wait for the next one.
    expect(await eraseExpiredEntrantEmails(h.db, h.clock.now(), 1)).toBe(1);
    const step = await runDueCollection({ ...h.deps, appSecret: h.deps.secrets.appSecret } as never, h.clock.now());
    expect(step.entrantEmailsErased).toBeGreaterThanOrEqual(1);
    const [row] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, kept[0]!.id));
    expect(row!.email).toBeNull();
    expect(row!.emailHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('without mail', () => {
  it('says entries are not open and refuses them with a 503, keeping nothing', async () => {
    h.clock.set(start);
    const app = createApp({ ...h.deps, mail: null });
    const page = await app.request(`http://vitrine.test/c/${CAMPAIGN}?lang=en`);
    const html = await page.text();
    expect(html).toContain('data-closed="no_mail"');
    expect(html).not.toContain('enctype="multipart/form-data"');
    const before = (await h.db.select().from(campaignSubmissions)).length;
    const res = await app.request(`http://vitrine.test/c/${CAMPAIGN}`, { method: 'POST', body: await form(good, [await h.image(500, 500)]) });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('data-field="campaign"');
    expect((await h.db.select().from(campaignSubmissions)).length).toBe(before);
  });
});

describe('a campaign set back to draft, or deleted', () => {
  async function newCampaign(id: string) {
    const now = h.clock.now();
    const res = await admin(h, owner, 'POST', '/campaigns', {
      id,
      name: `Campaign ${id}`,
      hashtag: id.replace(/-/g, ''),
      startsAt: new Date(now - DAY).toISOString(),
      endsAt: new Date(now + 10 * DAY).toISOString(),
      status: 'published',
      rules: { language: 'en', title: 'Rules', body: 'One entry per person, please.' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }

  it('keeps the entrant’s withdraw and erase link working', async () => {
    await newCampaign('back-to-draft');
    expect((await submit({ ...good, email: 'drafted@example.com' }, [await h.image(600, 600)], undefined, undefined, 'back-to-draft')).status).toBe(303);
    const { confirm, manage } = links('drafted@example.com');
    expect((await post(confirm, { action: 'confirm' })).status).toBe(303);
    expect((await admin(h, owner, 'PATCH', '/campaigns/back-to-draft', { status: 'draft' })).status).toBe(200);
    expect((await request(h, '/c/back-to-draft')).status).toBe(404);
    const page = await request(h, manage);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('data-state="entered"');
    expect(html).toContain('Campaign back-to-draft');
    expect((await post(manage, { action: 'withdraw' })).status).toBe(303);
    expect(await (await request(h, manage)).text()).toContain('data-state="withdrawn"');
    expect((await post(manage, { action: 'erase' })).status).toBe(303);
    expect(await (await request(h, manage)).text()).toContain('data-state="erased"');
  });

  it('refuses to delete a campaign with confirmed submissions, and deletes unconfirmed ones with their files', async () => {
    const del = await admin(h, owner, 'DELETE', '/campaigns/back-to-draft');
    expect(del.status).toBe(409);
    expect(await del.text()).toContain('confirmed submission');
    expect((await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.campaignId, 'back-to-draft'))).length).toBe(1);

    await newCampaign('only-unconfirmed');
    expect((await submit({ ...good, email: 'pending@example.com' }, [await h.image(600, 600)], undefined, undefined, 'only-unconfirmed')).status).toBe(303);
    const [row] = await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.campaignId, 'only-unconfirmed'));
    const key = row!.files[0]!.variants[0]!.storageKey;
    expect(await h.media.head(key)).not.toBeNull();
    expect((await admin(h, owner, 'DELETE', '/campaigns/only-unconfirmed')).status).toBe(204);
    expect((await h.db.select().from(campaignSubmissions).where(eq(campaignSubmissions.campaignId, 'only-unconfirmed'))).length).toBe(0);
    expect(await h.media.head(key)).toBeNull();
    expect((await request(h, '/c/only-unconfirmed')).status).toBe(404);
  });
});
