import { createHarness } from '#harness';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, events, orders, visitorDays, visitors } from '../../db/schema.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import { addMember, admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { TEST_CLIENT_IP_HEADER } from '../../dev/testing/client-ip.ts';
import { batchOf, clearTracking, configureTracking, countEvents, recencyBucketsAgree, rollup, sendEvents } from '../../dev/testing/tracking-client.ts';

let h: Harness;
let owner: AdminSession;
let analyst: AdminSession;
let start = 0;
/** Each test counts its forget requests from an address of its own (the limit is 10 a minute). */
let address = 0;
beforeAll(async () => {
  h = await createHarness();
  start = h.clock.now();
  owner = await signIn(h);
  analyst = await addMember(h, owner, 'privacy-analyst@vitrine.local', 'analyst');
});
beforeEach(async () => {
  h.clock.set(start);
  await clearTracking(h);
  await configureTracking(h);
  address++;
});

const at = () => h.clock.now();
const forget = (body: unknown, ip = `198.18.0.${address}`) =>
  request(h, '/v1/forget', { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', [TEST_CLIENT_IP_HEADER]: ip }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** Two consenting visitors and one anonymous page view, each opening a post; one orders. */
async function someTraffic() {
  for (const visitor of ['v_forget_me_1', 'v_keep_me_01']) {
    const res = await sendEvents(h, batchOf(visitor, [
      { type: 'view_item_list', at: at(), galleryId: 'demo', postIds: ['post_demo01'] },
      { type: 'select_content', at: at(), galleryId: 'demo', postId: 'post_demo01' },
      ...(visitor === 'v_forget_me_1' ? [{ type: 'purchase' as const, at: at(), transaction: { transaction_id: 'T-FORGET', value: 49, currency: 'EUR', items: [] } }] : []),
    ]));
    expect(res.status).toBe(204);
  }
  const anonymous = batchOf('v_unused_000', [{ type: 'view_item_list', at: at(), galleryId: 'demo', postIds: ['post_demo01'] }], { consent: 'denied' });
  const { visitorId: _v, sessionId: _s, ...withoutIds } = anonymous;
  expect((await sendEvents(h, withoutIds)).status).toBe(204);
}
const rowsOf = async (visitorId: string) => ({
  events: (await h.db.select().from(events).where(eq(events.visitorId, visitorId))).length,
  days: (await h.db.select().from(visitorDays).where(eq(visitorDays.visitorId, visitorId))).length,
  visitors: (await h.db.select().from(visitors).where(eq(visitors.visitorId, visitorId))).length,
});

describe('anonymous events', () => {
  it('count in the aggregates but make no visitor, and consented impressions are told apart', async () => {
    await someTraffic();
    expect(await rollup(h, 'workspace')).toMatchObject({ impressions: 3, opens: 2 });
    expect(await rowsOf('')).toEqual({ events: 1, days: 0, visitors: 0 });
    // The default range: the last 30 days, today included.
    const overview = await admin(h, owner, 'GET', '/reports/overview');
    expect(overview.status).toBe(200);
    const body = (await overview.json()) as { consent: { impressions: number; consentedImpressions: number; share: number; aggregateOnly: string[] }; totals: { visitors: number } };
    expect(body.consent).toMatchObject({ impressions: 3, consentedImpressions: 2 });
    expect(body.consent.share).toBeCloseTo(2 / 3);
    expect(body.consent.aggregateOnly).toContain('impressions');
    expect(body.totals.visitors).toBe(2);
  });
});

describe("POST /v1/forget (a shopper's vitrine('forget'))", () => {
  it("erases the visitor's events, days and visitor rows, unlinks their order, keeps the totals, and audits it", async () => {
    await someTraffic();
    const totals = await rollup(h, 'workspace');
    expect(await rowsOf('v_forget_me_1')).toEqual({ events: 3, days: 2, visitors: 2 });

    const res = await forget({ workspaceId: 'ws_demo', visitorId: 'v_forget_me_1' });
    expect(res.status).toBe(204);
    expect(await rowsOf('v_forget_me_1')).toEqual({ events: 0, days: 0, visitors: 0 });
    expect(await rowsOf('v_keep_me_01')).toEqual({ events: 2, days: 2, visitors: 2 });
    const [order] = await h.db.select().from(orders).where(eq(orders.transactionId, 'T-FORGET'));
    expect(order).toMatchObject({ visitorId: null, sessionId: null, valueMinor: 4900 });
    expect(await rollup(h, 'workspace')).toEqual(totals);
    expect(await recencyBucketsAgree(h)).toBe(true);
    const [entry] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'visitor.erased'), eq(auditLog.targetId, 'v_forget_me_1')));
    expect(entry).toMatchObject({ actorKind: 'shopper', actorUserId: null, workspaceId: 'ws_demo', after: { events: 3, visitorDays: 2, orders: 1 } });
    // Forgetting again, or a visitor never seen, answers the same: nothing tells whether an id existed.
    expect((await forget({ workspaceId: 'ws_demo', visitorId: 'v_never_seen_1' })).status).toBe(204);
  });

  it('refuses a bad body with a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ workspaceId: 'ws_demo' }, 'visitorId'],
      [{ workspaceId: 'ws_demo', visitorId: 'short' }, 'visitorId'],
      [{ visitorId: 'v_forget_me_1' }, 'workspaceId'],
      [{ workspaceId: 'ws_nowhere', visitorId: 'v_forget_me_1' }, 'workspaceId'],
      [{ workspaceId: 'ws_demo', visitorId: 'v_forget_me_1', extra: 1 }, 'extra'],
      ['{not json', 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await forget(body);
      expect(res.status, field).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
  });

  it('takes ten requests a minute from one address, then answers 429 with Retry-After', async () => {
    const body = { workspaceId: 'ws_demo', visitorId: 'v_forget_me_1' };
    for (let i = 0; i < 10; i++) expect((await forget(body)).status).toBe(204);
    const refused = await forget(body);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is counted apart, and the next minute starts over.
    expect((await forget(body, '198.18.1.1')).status).toBe(204);
    h.clock.set(h.clock.now() + 60_000);
    expect((await forget(body)).status).toBe(204);
  });
});

describe('DELETE /admin/visitors/:visitorId', () => {
  it("lets an owner erase a visitor's data, audited with who did it", async () => {
    await someTraffic();
    const res = await admin(h, owner, 'DELETE', '/visitors/v_forget_me_1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ events: 3, visitorDays: 2, orders: 1 });
    expect(await rowsOf('v_forget_me_1')).toEqual({ events: 0, days: 0, visitors: 0 });
    expect(await countEvents(h)).toBe(3);
    expect(await recencyBucketsAgree(h)).toBe(true);
    const [entry] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'visitor.erased'), eq(auditLog.actorKind, 'user')));
    expect(entry).toMatchObject({ targetId: 'v_forget_me_1', workspaceId: 'ws_demo' });
    expect(entry!.actorUserId).toBeTruthy();
  });

  it('is for owners only; an unknown or malformed id is not found, naming the field', async () => {
    await someTraffic();
    expect((await admin(h, analyst, 'DELETE', '/visitors/v_forget_me_1')).status).toBe(403);
    expect(await rowsOf('v_forget_me_1')).toMatchObject({ events: 3 });
    const unknown = await admin(h, owner, 'DELETE', '/visitors/v_never_seen_1');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { field: string } }).error.field).toBe('visitorId');
    const bad = await admin(h, owner, 'DELETE', '/visitors/bad!');
    expect(bad.status).toBe(404);
    expect(((await bad.json()) as { error: { field: string; message: string } }).error).toMatchObject({ field: 'visitorId' });
  });
});
