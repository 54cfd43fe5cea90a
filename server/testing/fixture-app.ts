/**
 * The real app on a fresh, demo-seeded in-memory database, for browser component tests
 * (@web/test-runner mounts it as dev-server middleware) that must talk to the real API.
 */
import { DEMO_GALLERY_ID, DEMO_POSTS, DEMO_PUBLIC_POST_IDS } from '../seed/demo-content.ts';
import { createHarness } from './harness.node.ts';

export async function createFixtureApp() {
  const harness = await createHarness();
  return {
    fetch: async (req: Request): Promise<Response> => harness.app.fetch(req),
    galleryId: DEMO_GALLERY_ID,
    publicPostIds: DEMO_PUBLIC_POST_IDS,
    nonPublicPostIds: DEMO_POSTS.map((p) => p.id).filter((id) => !DEMO_PUBLIC_POST_IDS.includes(id)),
  };
}
