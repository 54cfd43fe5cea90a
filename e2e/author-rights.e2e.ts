/**
 * Journey 2 (author) with the merchandiser and the shopper around it: rights are requested on a
 * collected post, the author agrees on the rights page in a browser of their own, which alone
 * makes nothing public; the author then replies from their Instagram account with the code the
 * page shows (a signed `comments` notification, as Meta sends for the brand's own media), the post
 * is approved and shows in the store; the author withdraws, and within a second the post and its
 * image are gone everywhere.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import type { AdminPostsPage } from '../shared/admin-types.ts';
import type { GalleryPostsResponse } from '../shared/api-types.ts';
import { useServerAndBrowser } from './server.ts';

/** The Meta app secret the server checks webhook signatures with (the demo's fake signs with it too). */
const IG_APP_SECRET = 'e2e-meta-app-secret';
const journey = useServerAndBrowser({ VITRINE_COLLECT_EVERY_SECONDS: '1', VITRINE_IG_APP_SECRET: IG_APP_SECRET });

/** What Meta posts when someone comments on the brand's own media, signed over the raw body. */
async function commentOnBrandPost(igUserId: string, from: string, text: string) {
  const body = JSON.stringify({
    object: 'instagram',
    entry: [{ id: igUserId, time: Math.floor(Date.now() / 1000), changes: [{ field: 'comments', value: { from: { id: '17841400000000001', username: from }, media: { id: '17900000000000001', media_product_type: 'FEED' }, id: `1790${Date.now()}`, text } }] }],
  });
  const signature = `sha256=${createHmac('sha256', IG_APP_SECRET).update(body).digest('hex')}`;
  const res = await fetch(`${journey.server.url}/hooks/instagram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as { replies: number };
}

/** The merchandiser's side, through the admin API the panel uses. */
async function merchandiser() {
  const url = journey.server.url;
  const signIn = await fetch(`${url}/admin/auth/sign-in`, { method: 'POST', headers: { origin: url, 'content-type': 'application/json' }, body: JSON.stringify(journey.server.owner) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/admin${path}`, { method, headers: { cookie, origin: url, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
    return res.status === 204 ? null : res.json();
  };
  return { call };
}

async function storeShows(postId: string): Promise<boolean> {
  const context = await journey.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${journey.server.url}/`);
    await page.locator('vitrine-gallery [data-post-id]').first().waitFor({ timeout: 15_000 });
    return (await page.locator(`vitrine-gallery [data-post-id="${postId}"]`).count()) > 0;
  } finally {
    await context.close();
  }
}

test('request → agree on the rights page → verify from the author’s account → approve → live → withdraw → gone at once', async () => {
  const merch = await merchandiser();
  // A customer's post collected from (fake) Instagram, with its author known, waiting in the inbox.
  let candidate: AdminPostsPage['posts'][number] | undefined;
  for (let i = 0; i < 60 && !candidate; i++) {
    const page = (await merch.call('GET', '/posts?status=pending&rights=none&limit=100')) as AdminPostsPage;
    candidate = page.posts.find((p) => p.author.username && p.media.length > 0);
    if (!candidate) await new Promise((r) => setTimeout(r, 1000));
  }
  assert.ok(candidate, 'a collected post with a known author reached the inbox');
  const { requests } = (await merch.call('POST', '/rights/requests', { postIds: [candidate.id], language: 'en' })) as { requests: { link: string }[] };
  const link = requests[0]!.link;

  // The author, in a browser of their own, reads and agrees.
  const authorContext = await journey.browser.newContext();
  const author = await authorContext.newPage();
  await author.goto(link);
  await author.getByLabel('Your Instagram username').fill(candidate.author.username!);
  await author.getByLabel(/I agree to the terms above/).check();
  await author.getByRole('button', { name: 'I agree' }).click();
  // Typing a (public) handle proves nothing: the page asks for a reply from the account itself.
  await author.getByText('Confirm from your Instagram account').waitFor();
  const reply = (await author.locator('.terms strong').textContent())!;
  assert.match(reply, /^#YesLumen @maisonlumen [A-Z0-9]{6}$/);
  await merch.call('POST', '/posts/moderation', { ids: [candidate.id], status: 'approved' });
  const before = (await (await fetch(`${journey.server.url}/v1/galleries/demo/posts?limit=100`)).json()) as GalleryPostsResponse;
  assert.ok(!before.posts.some((p) => p.id === candidate.id), 'not public on the page’s word alone');

  const { connections } = (await merch.call('GET', '/instagram/connections')) as { connections: { igUserId: string }[] };
  assert.equal((await commentOnBrandPost(connections[0]!.igUserId, candidate.author.username!, reply)).replies, 1);
  await author.reload();
  await author.getByText('Thank you! You agreed to these terms.').waitFor();

  assert.ok(await storeShows(candidate.id), 'the approved, rights-cleared post shows in the store');
  const api = (await (await fetch(`${journey.server.url}/v1/galleries/demo/posts?limit=100`)).json()) as GalleryPostsResponse;
  const imageUrl = api.posts.find((p) => p.id === candidate.id)!.media[0]!.variants[0]!.url;
  assert.equal((await fetch(imageUrl)).status, 200);

  await author.getByRole('button', { name: 'Withdraw my consent' }).click();
  // The confirmation is the page the server redirects to once the withdrawal is recorded: from
  // then on, every answer must leave the post out. The very first ones are checked, which is
  // stricter than "within a second" and does not time a loaded test machine.
  await author.getByText(/You withdrew your consent/).waitFor();
  const after = (await (await fetch(`${journey.server.url}/v1/galleries/demo/posts?limit=100`)).json()) as GalleryPostsResponse;
  const imageStatus = (await fetch(imageUrl)).status;
  assert.ok(!after.posts.some((p) => p.id === candidate.id), 'gone from the API');
  assert.ok([404, 410].includes(imageStatus), `its image answers ${imageStatus}`);
  assert.ok(!(await storeShows(candidate.id)), 'gone from the store');
  await authorContext.close();
});
