import { createHarness } from '#harness';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GettingStarted } from '../../../shared/admin-types.ts';
import { instagramConnections } from '../../db/schema.ts';
import { admin, sessionFrom, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import type { Harness } from '../../dev/testing/harness.ts';
import { batchOf, clearTracking, configureTracking, sendEvents } from '../../dev/testing/tracking-client.ts';

const stepsOf = async (res: Response) => {
  expect(res.status).toBe(200);
  const body = (await res.json()) as GettingStarted;
  return { ...body, done: body.steps.filter((s) => s.done).map((s) => s.id) };
};

describe('GET /admin/workspace/getting-started on a new workspace', () => {
  it('starts with nothing done on a new workspace and ticks each step from the data it produces', async () => {
    const h = await createHarness({ seed: false });
    const owner = await sessionFrom(
      await admin(h, null, 'POST', '/auth/setup', { workspaceName: 'Atelier Nord', name: 'Ines', email: 'ines@atelier.example', password: 'a long enough password', setupToken: h.setupToken }),
    );
    const fresh = await stepsOf(await admin(h, owner, 'GET', '/workspace/getting-started'));
    expect(fresh.steps.map((s) => s.id)).toEqual(['instagram', 'webhooks', 'source', 'brand', 'terms', 'catalog', 'gallery', 'origins', 'embed']);
    expect(fresh.done).toEqual([]);

    const connected = await admin(h, owner, 'POST', '/instagram/connections', { igUserId: h.fake.account.igUserId, accessToken: h.fake.account.accessToken });
    expect(connected.status).toBe(201);
    const { id: connectionId } = (await connected.json()) as { id: string };
    // Only the handle: the step needs the approval hashtag too.
    expect((await admin(h, owner, 'PATCH', '/workspace', { instagramHandle: '@atelier.nord' })).status).toBe(200);
    // Connecting subscribed the account's Page to the app's webhooks (the fake Page accepts).
    expect((await stepsOf(await admin(h, owner, 'GET', '/workspace/getting-started'))).done).toEqual(['instagram', 'webhooks']);
    // A Page that refused (no Page linked, a permission missing): connected, but replies are polled.
    await h.db.update(instagramConnections).set({ webhooksSubscribedAt: null }).where(eq(instagramConnections.id, connectionId));
    expect((await stepsOf(await admin(h, owner, 'GET', '/workspace/getting-started'))).done).toEqual(['instagram']);
    // An expired connection does not count, subscribed or not.
    await h.db.update(instagramConnections).set({ webhooksSubscribedAt: h.clock.now(), status: 'expired' }).where(eq(instagramConnections.id, connectionId));
    expect((await stepsOf(await admin(h, owner, 'GET', '/workspace/getting-started'))).done).toEqual([]);
    await h.db.update(instagramConnections).set({ status: 'active' }).where(eq(instagramConnections.id, connectionId));
    expect((await stepsOf(await admin(h, owner, 'GET', '/workspace/getting-started'))).done).toEqual(['instagram', 'webhooks']);

    expect((await admin(h, owner, 'PATCH', '/workspace', { approvalHashtag: '#YesAtelier', allowedOrigins: ['https://shop.atelier.example'] })).status).toBe(200);
    const terms = { language: 'en', title: 'Photo terms', body: 'You allow us to show your photo on our website for one year.', scope: ['website'], durationDays: 365 };
    expect((await admin(h, owner, 'POST', '/rights/terms', terms)).status).toBe(201);
    expect((await admin(h, owner, 'POST', '/galleries', { name: 'Home page' })).status).toBe(201);
    expect((await admin(h, owner, 'POST', '/sources', { connectionId, kind: 'mentions', intervalSeconds: 3600 })).status).toBe(201);
    expect((await stepsOf(await admin(h, owner, 'GET', '/workspace/getting-started'))).done).toEqual(['instagram', 'webhooks', 'source', 'brand', 'terms', 'gallery', 'origins']);
  });

});

// One demo workspace for the rest (on workerd, a test file's harnesses share one database).
describe('GET /admin/workspace/getting-started on the demo workspace', () => {
  let h: Harness;
  let owner: AdminSession;
  beforeAll(async () => {
    h = await createHarness();
    owner = await signIn(h);
  });

  it("ticks the catalog from the products and the embed from the widget's first impression on the store", async () => {
    await clearTracking(h);
    await configureTracking(h);
    const before = await stepsOf(await admin(h, owner, 'GET', '/workspace/getting-started'));
    expect(before.done).toContain('catalog');
    expect(before.done).not.toContain('embed');
    const shown = batchOf('v_first_0001', [{ type: 'view_item_list', at: h.clock.now(), galleryId: 'demo', postIds: ['post_demo01'] }]);
    expect((await sendEvents(h, shown)).status).toBe(204);
    expect((await stepsOf(await admin(h, owner, 'GET', '/workspace/getting-started'))).done).toContain('embed');
  });

  it('warns when links would point at an address people outside cannot open', async () => {
    // The harness reaches the app on http://vitrine.test and sets no public URL.
    const answer = await stepsOf(await admin(h, owner, 'GET', '/workspace/getting-started'));
    expect(answer.publicOrigin).toBe('http://vitrine.test');
    expect(answer.publicOriginProblem).toMatch(/^Links point at http:\/\/vitrine\.test, which shoppers and authors cannot open \(http is not allowed.*VITRINE_PUBLIC_URL/);
  });

  it('is for members of the workspace only', async () => {
    expect((await admin(h, null, 'GET', '/workspace/getting-started')).status).toBe(401);
  });
});
