/**
 * Issue 17's journey, on the demo as `npm start` runs it: a creator enters the running campaign
 * on /c/demo with a photo, confirms from the demo's mailbox, the merchandiser approves the entry,
 * it shows in a gallery limited to the campaign, the draw picks among eligible entries (the
 * campaign's end and draw are brought forward through the admin API the panel uses, so the
 * journey need not wait two weeks), and the creator withdraws from the email's second link: the
 * post is gone from the gallery on the next request.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import type { AdminPostsPage } from '../shared/admin-types.ts';
import type { GalleryPostsResponse, PublicCampaignDraw } from '../shared/api-types.ts';
import { useServerAndBrowser } from './server.ts';

const journey = useServerAndBrowser();

async function merchandiser() {
  const url = journey.server.url;
  const signIn = await fetch(`${url}/admin/auth/sign-in`, { method: 'POST', headers: { origin: url, 'content-type': 'application/json' }, body: JSON.stringify(journey.server.owner) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/admin${path}`, { method, headers: { cookie, origin: url, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
    return res.status === 204 ? null : res.json();
  };
}

const galleryIds = async (id: string) => ((await (await fetch(`${journey.server.url}/v1/galleries/${id}/posts?limit=100`)).json()) as GalleryPostsResponse).posts.map((p) => p.id);

test('submit on /c/demo → confirm from the mailbox → approve → in the campaign gallery → drawn → withdraw → gone', async () => {
  const url = journey.server.url;
  const admin = await merchandiser();
  const photo = await sharp({ create: { width: 900, height: 1100, channels: 3, background: '#c9a27e' } }).jpeg().toBuffer();

  // The creator, on a phone-sized browser of their own.
  const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const creator = await context.newPage();
  await creator.goto(`${url}/c/demo`);
  await creator.getByRole('heading', { name: 'Cosy home contest', exact: true }).waitFor();
  assert.match((await creator.locator('[data-seed-hash]').textContent())!, /^[0-9a-f]{64}$/);
  await creator.locator('input[name=photos]').setInputFiles({ name: 'corner.jpg', mimeType: 'image/jpeg', buffer: photo });
  await creator.getByLabel('Your Instagram handle').fill('@cosy.creator');
  await creator.getByLabel(/Your email address/).fill('cosy.creator@example.com');
  await creator.getByLabel(/I accept the official rules/).check();
  await creator.getByRole('button', { name: 'Send my entry' }).click();
  await creator.getByText(/Almost done/).waitFor();

  // Not an entry yet: nothing in the inbox.
  const pending = (await admin('GET', '/posts?campaign=demo&status=pending&limit=100')) as AdminPostsPage;
  assert.ok(!pending.posts.some((p) => p.author.username === 'cosy.creator'), 'an unconfirmed entry is not in the inbox');

  // The demo's mailbox has the email; its confirm link opens a page whose button confirms.
  await creator.goto(`${url}/demo/mailbox`);
  const confirmLink = creator.locator('a[href*="/c/demo/confirm/"]').first();
  const manageUrl = (await creator.locator('a[href*="/c/demo/entry/"]').first().getAttribute('href'))!;
  await confirmLink.click();
  await creator.getByRole('button', { name: 'Confirm my entry' }).click();
  await creator.locator('[data-state="entered"]').waitFor();

  const inbox = (await admin('GET', '/posts?campaign=demo&status=pending&limit=100')) as AdminPostsPage;
  const entry = inbox.posts.find((p) => p.author.username === 'cosy.creator');
  assert.ok(entry, 'the confirmed entry waits in the inbox');
  assert.equal(entry.rights.verification, 'email');

  // The merchandiser approves it; a gallery limited to the campaign shows it.
  await admin('POST', '/posts/moderation', { ids: [entry.id], status: 'approved' });
  const gallery = (await admin('POST', '/galleries', { name: 'Cosy home entries', filters: { campaignId: 'demo' } })) as { id: string };
  assert.ok((await galleryIds(gallery.id)).includes(entry.id), 'the approved entry shows in the campaign gallery');

  // The draw, brought forward: the campaign ends now, the draw runs right after.
  const endsAt = Date.now() + 1500;
  await admin('PATCH', '/campaigns/demo', { endsAt: new Date(endsAt).toISOString() });
  const scheduled = (await admin('POST', '/campaigns/demo/draw', { at: new Date(endsAt + 500).toISOString() })) as PublicCampaignDraw;
  await new Promise((r) => setTimeout(r, Math.max(0, endsAt + 700 - Date.now())));
  // The server's own scheduler step may have run it first: then it stands as drawn.
  await admin('POST', '/campaigns/demo/draw/run').catch((error: Error) => assert.match(error.message, /409.*already ran/));
  const draw = (await (await fetch(`${url}/v1/campaigns/demo/draw`)).json()) as PublicCampaignDraw;
  assert.equal(draw.state, 'drawn');
  assert.equal(draw.seedHash, scheduled.seedHash);
  assert.ok(draw.entryIds!.includes(entry.id), 'the confirmed, approved entry was eligible');
  assert.equal(draw.winners.length, 1);
  assert.ok(draw.entryIds!.includes(draw.winners[0]!), 'the winner is an eligible entry');
  await creator.goto(`${url}/c/demo?lang=en`);
  assert.equal(await creator.locator('[data-seed]').textContent(), draw.seed);

  // The creator withdraws from the email's second link: gone on the next request.
  await creator.goto(manageUrl);
  await creator.getByRole('button', { name: 'Withdraw my entry' }).click();
  await creator.locator('[data-state="withdrawn"]').waitFor();
  assert.ok(!(await galleryIds(gallery.id)).includes(entry.id), 'gone from the campaign gallery');
  assert.ok(!(await galleryIds('demo')).includes(entry.id), 'gone from the store’s gallery');
  await context.close();
});
