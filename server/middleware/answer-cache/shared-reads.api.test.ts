/**
 * The answer cache as the servers run it: one read of a gallery's content version serves the
 * requests of the next 250 ms. A write made through another process is seen within that window,
 * and one made through this process at once. Runs on libSQL and on D1 (its own file: on Workers
 * each test file has its own database, seeded once).
 */
import { createHarness } from '#harness';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { posts } from '../../db/schema.ts';
import { admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';

describe('version reads shared for 250 ms, as the servers run it', () => {
  const WINDOW = 250;
  let shared: Harness;
  let sharedOwner: AdminSession;
  beforeAll(async () => {
    shared = await createHarness({ freshnessWindowMs: WINDOW });
    sharedOwner = await signIn(shared);
  });
  const ids = async () => (JSON.parse(await (await request(shared, '/v1/galleries/demo/posts?limit=100')).text()) as { posts: { id: string }[] }).posts.map((p) => p.id);

  it('sees a write made elsewhere (another process) within the window, never later', async () => {
    expect(await ids()).toContain('post_demo05');
    // Straight to the database, as another server process or isolate would write.
    await shared.db.update(posts).set({ sourceDeletedAt: shared.clock.now() }).where(eq(posts.id, 'post_demo05'));
    // Inside the window, requests share the read made before the write: one question per window.
    shared.clock.advance(WINDOW - 1);
    expect(await ids()).toContain('post_demo05');
    shared.clock.advance(1);
    expect(await ids()).not.toContain('post_demo05');
  });

  it('sees a write made through this process at once', async () => {
    expect(await ids()).toContain('post_demo01');
    const res = await admin(shared, sharedOwner, 'POST', '/posts/moderation', { ids: ['post_demo01'], status: 'rejected' });
    expect(res.status).toBe(200);
    // No time passes: the write's request made the next read ask the database.
    expect(await ids()).not.toContain('post_demo01');
  });
});
