/**
 * Events from a page whose origin the workspace has not allowed are refused, and the panel is
 * told which pages those were, with one click to allow each: a merchant who pasted the embed
 * code is never left with empty reports and no reason.
 */
import { createHarness } from '#harness';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RefusedOrigin, WorkspaceView } from '../../../shared/admin-types.ts';
import { auditLog, refusedOrigins, workspaces } from '../../db/schema.ts';
import { addMember, admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import type { Harness } from '../../dev/testing/harness.ts';
import { batchOf, clearTracking, configureTracking, countEvents, sendEvents, SHOP_ORIGIN } from '../../dev/testing/tracking-client.ts';

const STORE = 'https://boutique.example';
const MINUTE = 60_000;
let h: Harness;
let owner: AdminSession;
let analyst: AdminSession;
let start = 0;

beforeAll(async () => {
  h = await createHarness();
  start = h.clock.now();
  owner = await signIn(h);
  analyst = await addMember(h, owner, 'analyst-origins@example.com', 'analyst');
});
beforeEach(async () => {
  h.clock.set(start);
  await clearTracking(h);
  await configureTracking(h);
  await h.db.delete(refusedOrigins);
});

const impression = () => batchOf('v_origin_0001', [{ type: 'view_item_list', at: h.clock.now(), galleryId: 'demo', postIds: ['post_demo01'] }]);
const refused = async (session = owner) => ((await (await admin(h, session, 'GET', '/workspace/refused-origins')).json()) as { origins: RefusedOrigin[] }).origins;

describe('refused origins', () => {
  it('are listed for the panel, noted once a minute however many batches arrive', async () => {
    for (let i = 0; i < 5; i++) expect((await sendEvents(h, impression(), { origin: STORE })).status).toBe(403);
    h.clock.advance(MINUTE);
    expect((await sendEvents(h, impression(), { origin: STORE })).status).toBe(403);
    expect(await countEvents(h)).toBe(0);
    const [first, ...others] = await refused();
    expect(others).toEqual([]);
    expect(first).toEqual({ origin: STORE, firstSeenAt: start, lastSeenAt: start + MINUTE, times: 2 });
    // Every member may see why reports are empty.
    expect((await refused(analyst)).map((o) => o.origin)).toEqual([STORE]);
  });

  it('are allowed in one click by an owner: the next batch counts, the origin leaves the list, the change is audited', async () => {
    await sendEvents(h, impression(), { origin: STORE });
    expect((await admin(h, analyst, 'POST', '/workspace/allowed-origins', { origin: STORE })).status).toBe(403);
    const res = await admin(h, owner, 'POST', '/workspace/allowed-origins', { origin: STORE });
    expect(res.status).toBe(200);
    expect(((await res.json()) as WorkspaceView).allowedOrigins).toEqual([SHOP_ORIGIN, STORE]);
    expect(await refused()).toEqual([]);
    expect((await sendEvents(h, impression(), { origin: STORE })).status).toBe(204);
    expect(await countEvents(h)).toBe(1);
    const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'workspace.origin_allowed'));
    expect(entry?.targetId).toBe('ws_demo');
    // Allowing it again changes nothing.
    expect((((await (await admin(h, owner, 'POST', '/workspace/allowed-origins', { origin: STORE })).json()) as WorkspaceView).allowedOrigins)).toEqual([SHOP_ORIGIN, STORE]);
  });

  it('keep only origins a merchant could allow, at most 20, so forged beacons cannot grow the list', async () => {
    for (const origin of ['null', 'https://shop.example/path', 'ftp://x.example', 'http://plain.example', 'https://SHOP.example']) {
      expect((await sendEvents(h, impression(), { origin })).status, origin).toBe(403);
    }
    // Browsers send origins lower-cased and punycoded: any other spelling is not one.
    expect(await refused()).toEqual([]);
    for (let i = 0; i < 30; i++) await sendEvents(h, impression(), { origin: `https://shop${i}.example` });
    expect((await refused()).length).toBe(20);
  });

  it('refuse a bad origin to allow, naming the field, and a 21st allowed origin', async () => {
    const bad = await admin(h, owner, 'POST', '/workspace/allowed-origins', { origin: 'https://shop.example/checkout' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('origin');
    await h.db.update(workspaces).set({ allowedOrigins: Array.from({ length: 20 }, (_, i) => `https://s${i}.example`) }).where(eq(workspaces.id, 'ws_demo'));
    const full = await admin(h, owner, 'POST', '/workspace/allowed-origins', { origin: STORE });
    expect(full.status).toBe(409);
    expect(((await full.json()) as { error: { code: string; field: string } }).error).toMatchObject({ code: 'too_many_origins', field: 'origin' });
  });
});
