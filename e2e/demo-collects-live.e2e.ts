/**
 * The demo collects live: a fresh `npm start` is connected to the in-process fake Instagram, and
 * posts from the hashtag, tagged and mention sources reach the inbox, re-hosted, within a minute.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AdminPostsPage } from '../shared/admin-types.ts';
import { startServer, type RunningServer } from './server.ts';

let server: RunningServer;
before(async () => {
  server = await startServer({ VITRINE_COLLECT_EVERY_SECONDS: '2' });
});
after(async () => {
  await server?.stop();
});

test('collected posts arrive in the inbox with their images', async () => {
  const origin = { origin: server.url, 'content-type': 'application/json' };
  const signIn = await fetch(`${server.url}/admin/auth/sign-in`, { method: 'POST', headers: origin, body: JSON.stringify(server.owner) });
  assert.equal(signIn.status, 200);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

  const deadline = Date.now() + 60_000;
  let collected: AdminPostsPage['posts'] = [];
  while (Date.now() < deadline) {
    const page = (await (await fetch(`${server.url}/admin/posts?status=pending&limit=100`, { headers: { cookie } })).json()) as AdminPostsPage;
    collected = page.posts.filter((p) => p.sources.some((s) => s.kind === 'hashtag' || s.kind === 'tagged' || s.kind === 'mentions') && p.media.length > 0);
    if (collected.length >= 3) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert.ok(collected.length >= 3, `expected collected posts within a minute, got ${collected.length}`);
  // A photo's rendition (a video Instagram gave no still for is stored as its video alone).
  const rendition = collected.flatMap((p) => p.media).find((m) => m.variants.length > 0)?.variants[0];
  assert.ok(rendition, 'a collected photo has its renditions');
  const image = await fetch(rendition.url, { headers: { cookie } });
  assert.equal(image.status, 200);
  assert.equal(image.headers.get('content-type'), 'image/webp');
});
