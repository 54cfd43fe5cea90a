/**
 * The real app on a fresh, demo-seeded in-memory database, for browser component tests
 * (@web/test-runner mounts it as dev-server middleware) that must talk to the real API.
 */
import { DEMO_GALLERY_ID, DEMO_POSTS, DEMO_PUBLIC_POST_IDS } from '../seed/demo-content.ts';
import { startTestClocksAt } from './clock.ts';
import { createHarness } from './harness.node.ts';
import { withHostileCaption } from './hostile-caption.ts';
import { batchOf, sendEvents } from './tracking-client.ts';

/** `clockStart`: where the app's clock starts (VITRINE_TEST_CLOCK_START, resolved by the wtr config). */
export async function createFixtureApp({ clockStart }: { clockStart: number }) {
  startTestClocksAt(clockStart);
  const harness = await createHarness();
  // The demo a newcomer sees carries no hostile text; the browser tests need one caption that
  // would run script if it ever became markup (the widget and lightbox tests look for it).
  await withHostileCaption(harness.db);
  return {
    fetch: async (req: Request): Promise<Response> => harness.app.fetch(req),
    galleryId: DEMO_GALLERY_ID,
    /** The demo owner and the password this fixture generated: panel tests sign in with it. */
    owner: harness.owner,
    publicPostIds: DEMO_PUBLIC_POST_IDS,
    nonPublicPostIds: DEMO_POSTS.map((p) => p.id).filter((id) => !DEMO_PUBLIC_POST_IDS.includes(id)),
    /** The fake Instagram business account, for tests that connect it the way a merchandiser would. */
    instagram: { igUserId: harness.fake.account.igUserId, accessToken: harness.fake.account.accessToken },
    /** Lets a test make customers post on the fake Instagram (e.g. before "Collect now"). */
    publishOnInstagram: (input: Parameters<typeof harness.fake.publish>[0]) => harness.fake.publish(input),
    /** Mail the app sent to `to` (a campaign entrant's confirmation, a winner's message), in order. */
    mailTo: (to: string) => harness.mailbox.filter((m) => m.to === to),
    /** The app's "now": the browser code under test takes its time from here too. */
    now: () => harness.clock.now(),
    /** Moves the app's clock on (it stands still otherwise), for tests that need one thing to happen after another. */
    advanceClock: (ms: number) => harness.clock.advance(ms),
    /** Lets a test put a page on a merchant's site (a product feed) for the app to fetch. */
    serveOnMerchantSite: ({ url, body, type }: { url: string; body: string; type: string }) =>
      harness.merchantSite.set(url, () => new Response(body, { headers: { 'content-type': type } })),
    /** A store page at `origin` sends one impression of the demo gallery; answers the status. */
    sendEventsFrom: async (origin: string) =>
      (await sendEvents(harness, batchOf('v_fixture_store', [{ type: 'view_item_list', at: harness.clock.now(), galleryId: DEMO_GALLERY_ID }]), { origin })).status,
  };
}
