/**
 * Runs the local fake of the Instagram Graph API on 127.0.0.1 for the demo and for people:
 * `npm run fake-instagram`. It seeds a few believable posts, publishes a new one every
 * FAKE_INSTAGRAM_EVERY seconds (hashtag #YesLumen, often mentioning @maisonlumen), and exposes
 * /__control/ endpoints (publish, expire-token, throttle, send-webhook, …) to drive it.
 *
 * Environment: PORT (8790), FAKE_INSTAGRAM_APP_SECRET (webhook signing secret),
 * FAKE_INSTAGRAM_EVERY (seconds between new posts, 60; 0 to stop), FAKE_INSTAGRAM_SEED (1).
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createControlApp } from '../server/dev/fake-instagram/control.ts';
import { createFakeInstagram } from '../server/dev/fake-instagram/index.ts';

const port = Number(process.env.PORT ?? 8790);
const everySeconds = Number(process.env.FAKE_INSTAGRAM_EVERY ?? 60);
const appSecret = process.env.FAKE_INSTAGRAM_APP_SECRET ?? 'fake-instagram-app-secret';
const baseUrl = `http://127.0.0.1:${port}`;

const fake = createFakeInstagram({
  clock: { now: () => Date.now() },
  baseUrl,
  appSecret,
  seed: Number(process.env.FAKE_INSTAGRAM_SEED ?? 1),
});

fake.generate(12, { hashtag: 'YesLumen', mentionShare: 0.5, tagShare: 0.3 });
for (const caption of ['New arrivals: the Arc Table Lamp in sand', 'Behind the scenes at the studio']) fake.publish({ own: true, caption });

const app = new Hono();
app.route('/__control', createControlApp(fake));
app.all('*', (c) => fake.fetch(c.req.raw));

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  console.log(`Fake Instagram Graph API on ${baseUrl}/${fake.apiVersion}`);
  console.log(`  point Vitrine at it: VITRINE_IG_GRAPH_URL=${baseUrl}`);
  console.log(`  IG user id    ${fake.account.igUserId} (@${fake.account.username})`);
  console.log(`  page id       ${fake.account.pageId}`);
  console.log(`  access token  ${fake.account.accessToken}`);
  console.log(`  app secret    ${appSecret}`);
  console.log(`  controls      ${baseUrl}/__control/ (POST publish, generate, comment, delete-media, expire-token, revoke-token, renew-token, throttle, fail-next, send-webhook)`);
});

if (everySeconds > 0) {
  setInterval(() => {
    const [post] = fake.generate(1, { hashtag: 'YesLumen', mentionShare: 0.6, spreadMs: 0 });
    if (post) console.log(`new post ${post.id} by @${post.username}${post.mentionsBrand ? ' (mentions the brand)' : ''}`);
  }, everySeconds * 1000);
}
