/**
 * Instagram platform data kept only as long as needed, on both runtimes and the test clock: the
 * retention policy in the scheduler step, removing a connection with or without its data, and
 * "delete all Instagram data". Posts with granted rights always stay.
 */
import { createHarness } from '#harness';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, galleryPosts, instagramConnections, mediaVariants, postMedia, posts, posts as postsTable, postSources, rightsRequests, sources, workspaces, type RightsStatus, type SourceKind } from '../../db/schema.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../accounts/workspaces.ts';
import { placeholderVariantMaker } from '../../dev/testing/placeholder-variants.ts';
import { addMember, admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import type { Harness } from '../../dev/testing/harness.ts';
import { eraseExpiredPlatformData, removeConnection } from './platform-data.ts';
import { runDueCollection } from './scheduler.ts';

const DAY = 86_400_000;
const WS = 'ws_demo';
let h: Harness;
let owner: AdminSession;
let merch: AdminSession;

beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
  merch = await addMember(h, owner, 'merch@example.com', 'merchandiser');
});

const step = () =>
  runDueCollection({ db: h.db, media: h.media, variants: placeholderVariantMaker, instagram: h.instagram, appSecret: 'test-secret', outbound: () => Promise.reject(new Error('unexpected webhook')) }, h.clock.now(), { sources: 0, media: 0 });

let serial = 0;

async function connection(workspaceId = WS): Promise<string> {
  const id = `igc_t${++serial}`;
  const now = h.clock.now();
  await h.db.insert(instagramConnections).values({ id, workspaceId, igUserId: `1784${serial}0000`, username: `brand${serial}`, tokenCiphertext: 'sealed', tokenExpiresAt: now + 60 * DAY, status: 'active', createdAt: now, updatedAt: now });
  return id;
}

async function source(kind: SourceKind, connectionId: string | null, workspaceId = WS): Promise<string> {
  const id = `src_t${++serial}`;
  await h.db.insert(sources).values({ id, workspaceId, connectionId, kind, query: kind === 'hashtag' ? 'wornbyyou' : null, enabled: connectionId !== null, createdAt: h.clock.now() });
  return id;
}

/** A post as collection leaves it: found by `sourceIds`, its image re-hosted, shown in the demo gallery. */
async function collected(sourceIds: string[], { ageDays, rights = 'none', workspaceId = WS }: { ageDays: number; rights?: RightsStatus; workspaceId?: string }) {
  const id = `post_t${++serial}`;
  const collectedAt = h.clock.now() - ageDays * DAY;
  const key = `m/med_${id}/display-320.webp`;
  await h.media.put(key, new Uint8Array([1, 2, 3]), 'image/webp');
  await h.db.insert(posts).values({ id, workspaceId, igMediaId: `1799${serial}`, mediaType: 'image', caption: `Caption of ${id}`, permalink: `https://www.instagram.com/p/${id}/`, authorUsername: `author_${serial}`, authorIgId: `9${serial}`, publishedAt: collectedAt - DAY, collectedAt, rightsStatus: rights, rightsVerification: rights === 'granted' ? 'account' : null, createdAt: collectedAt, updatedAt: collectedAt });
  for (const sourceId of sourceIds) await h.db.insert(postSources).values({ postId: id, sourceId, foundAt: collectedAt });
  await h.db.insert(postMedia).values({ id: `med_${id}`, postId: id, position: 0, type: 'image', storeStatus: 'stored' });
  await h.db.insert(mediaVariants).values({ id: `var_${id}`, mediaId: `med_${id}`, role: 'display', format: 'webp', width: 320, height: 320, bytes: 3, storageKey: key, createdAt: collectedAt });
  if (workspaceId === WS) await h.db.insert(galleryPosts).values({ galleryId: 'demo', postId: id, position: 900 + serial });
  return { id, key };
}

async function state({ id, key }: { id: string; key: string }) {
  const [row] = await h.db.select().from(posts).where(eq(posts.id, id));
  const media = await h.db.select().from(postMedia).where(eq(postMedia.postId, id));
  const inGallery = await h.db.select().from(galleryPosts).where(eq(galleryPosts.postId, id));
  const file = await h.media.head(key);
  return { caption: row!.caption, author: row!.authorUsername, erased: row!.erasedAt !== null, media: media.length, inGallery: inGallery.length, file: file !== null };
}

const kept = (caption = expect.stringContaining('Caption')) => ({ caption, author: expect.stringContaining('author_'), erased: false, media: 1, inGallery: 1, file: true });
const ERASED = { caption: '', author: null, erased: true, media: 0, inGallery: 0, file: false };

const auditOf = (action: string) => h.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, WS), eq(auditLog.action, action)));

describe('the retention policy', () => {
  it('is 90 days by default, editable by owners from 7 to 730 days', async () => {
    const ws = (await (await admin(h, owner, 'GET', '/workspace')).json()) as { settings: { instagramDataRetentionDays: number } };
    expect(ws.settings.instagramDataRetentionDays).toBe(90);
    for (const days of [6, 731, 30.5, '90']) {
      const res = await admin(h, owner, 'PATCH', '/workspace', { settings: { instagramDataRetentionDays: days } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('settings.instagramDataRetentionDays');
    }
    expect((await admin(h, merch, 'PATCH', '/workspace', { settings: { instagramDataRetentionDays: 30 } })).status).toBe(403);
  });

  it('erases the media, caption and username of old posts without granted rights, in the scheduler step', async () => {
    const hashtag = await source('hashtag', await connection());
    const old = await collected([hashtag], { ageDays: 91 });
    const declined = await collected([hashtag], { ageDays: 120, rights: 'declined' });
    const granted = await collected([hashtag], { ageDays: 400, rights: 'granted' });
    const recent = await collected([hashtag], { ageDays: 89 });
    const upload = await collected([await source('manual', null)], { ageDays: 200 });
    // Asked 10 days ago: the author can still answer through the link, so the post waits.
    const asked = await collected([hashtag], { ageDays: 95, rights: 'requested' });
    await h.db.insert(rightsRequests).values({ id: `req_${asked.id}`, workspaceId: WS, postId: asked.id, termsVersionId: 'terms_demo_v1', channel: 'manual', language: 'en', requestText: 'May we?', status: 'sent', createdAt: h.clock.now() - 10 * DAY, updatedAt: h.clock.now() - 10 * DAY, linkExpiresAt: h.clock.now() + 50 * DAY });

    const result = await step();
    expect(result.platformDataErased).toBe(2);
    expect(await state(old)).toEqual(ERASED);
    expect(await state(declined)).toEqual(ERASED);
    expect(await state(granted)).toEqual(kept());
    expect(await state(recent)).toEqual(kept());
    expect(await state(upload)).toEqual(kept());
    expect(await state(asked)).toEqual(kept());
    // The inbox no longer lists what was erased: an empty row has nothing to moderate.
    const inbox = (await (await admin(h, owner, 'GET', '/posts?status=pending&limit=100')).json()) as { posts: { id: string }[] };
    expect(inbox.posts.map((p) => p.id)).toContain(recent.id);
    expect(inbox.posts.map((p) => p.id)).not.toContain(old.id);
    const [audit] = await auditOf('instagram.data_expired');
    expect(audit).toMatchObject({ actorKind: 'system', targetType: 'workspace', after: { retentionDays: 90, posts: [declined.id, old.id] } });

    // Two days on, the recent post has passed 90 days too; nothing is erased twice.
    h.clock.advance(2 * DAY);
    expect((await step()).platformDataErased).toBe(1);
    expect(await state(recent)).toEqual(ERASED);
    expect(await state(granted)).toEqual(kept());
    expect((await step()).platformDataErased).toBe(0);
  });

  it('follows the workspace setting', async () => {
    const tagged = await source('tagged', await connection());
    const month = await collected([tagged], { ageDays: 31 });
    expect((await step()).platformDataErased).toBe(0);
    expect((await admin(h, owner, 'PATCH', '/workspace', { settings: { instagramDataRetentionDays: 30 } })).status).toBe(200);
    expect((await step()).platformDataErased).toBe(1);
    expect(await state(month)).toEqual(ERASED);
    expect((await admin(h, owner, 'PATCH', '/workspace', { settings: { instagramDataRetentionDays: 90 } })).status).toBe(200);
  });
});

/** Settings saved before the retention setting existed: the default applies. */
function withoutRetention() {
  const { instagramDataRetentionDays: _, ...rest } = DEFAULT_WORKSPACE_SETTINGS;
  return rest as typeof DEFAULT_WORKSPACE_SETTINGS;
}

describe('the retention policy on a host of many workspaces', () => {
  it("erases every workspace's expired posts by its own setting in one query, with one audit entry each", async () => {
    const made: string[] = [];
    const workspace = async (days: number | null) => {
      const id = `ws_ret${++serial}`;
      await h.db.insert(workspaces).values({ id, name: id, slug: id, settings: days === null ? withoutRetention() : { ...DEFAULT_WORKSPACE_SETTINGS, instagramDataRetentionDays: days }, createdAt: h.clock.now() });
      made.push(id);
      return { id, hashtag: await source('hashtag', await connection(id), id) };
    };
    const short = await workspace(30);
    const unset = await workspace(null);
    const long = await workspace(365);
    const shortOld = await collected([short.hashtag], { ageDays: 31, workspaceId: short.id });
    const shortNew = await collected([short.hashtag], { ageDays: 29, workspaceId: short.id });
    const unsetOld = await collected([unset.hashtag], { ageDays: 91, workspaceId: unset.id });
    const unsetNew = await collected([unset.hashtag], { ageDays: 31, workspaceId: unset.id });
    const longNew = await collected([long.hashtag], { ageDays: 200, workspaceId: long.id });
    const isErased = async ({ id }: { id: string }) => (await h.db.select({ erasedAt: posts.erasedAt }).from(posts).where(eq(posts.id, id)))[0]!.erasedAt !== null;

    expect((await step()).platformDataErased).toBe(2);
    // The queries of a step do not grow with the workspaces: ten more, each with a post not yet expired, cost none.
    const selects = vi.spyOn(h.db, 'select');
    expect((await step()).platformDataErased).toBe(0);
    const withThree = selects.mock.calls.length;
    for (let i = 0; i < 10; i++) {
      const more = await workspace(30);
      await collected([more.hashtag], { ageDays: 10, workspaceId: more.id });
    }
    selects.mockClear();
    expect((await step()).platformDataErased).toBe(0);
    expect(selects.mock.calls.length).toBe(withThree);
    selects.mockRestore();

    expect(await Promise.all([shortOld, shortNew, unsetOld, unsetNew, longNew].map(isErased))).toEqual([true, false, true, false, false]);
    const audits = await h.db.select().from(auditLog).where(and(inArray(auditLog.workspaceId, made), eq(auditLog.action, 'instagram.data_expired')));
    expect(audits.map((a) => [a.workspaceId, a.after]).sort()).toEqual([
      [short.id, { retentionDays: 30, posts: [shortOld.id] }],
      [unset.id, { retentionDays: 90, posts: [unsetOld.id] }],
    ]);
  });

  it('erases the oldest first across workspaces, at most the limit a step', async () => {
    const ws = `ws_ret${++serial}`;
    await h.db.insert(workspaces).values({ id: ws, name: ws, slug: ws, settings: { ...DEFAULT_WORKSPACE_SETTINGS, instagramDataRetentionDays: 7 }, createdAt: h.clock.now() });
    const hashtag = await source('hashtag', await connection(ws), ws);
    const ours = await source('hashtag', await connection());
    const posts = [];
    for (let i = 0; i < 3; i++) posts.push(await collected([hashtag], { ageDays: 100 + i, workspaceId: ws }), await collected([ours], { ageDays: 100 + i }));
    const erased = await eraseExpiredPlatformData({ db: h.db, media: h.media }, h.clock.now(), 4);
    expect(erased).toBe(4);
    const left = await h.db.select({ id: postsTable.id }).from(postsTable).where(and(inArray(postsTable.id, posts.map((p) => p.id)), isNull(postsTable.erasedAt)));
    // The two youngest (100 days, one in each workspace) wait for the next step.
    expect(left.map((p) => p.id).sort()).toEqual([posts[0]!.id, posts[1]!.id].sort());
    expect(await eraseExpiredPlatformData({ db: h.db, media: h.media }, h.clock.now(), 4)).toBe(2);
  });
});

describe('removing a connection', () => {
  it('keeps the data unless asked, and then only owners may ask', async () => {
    const id = await connection();
    const post = await collected([await source('own', id)], { ageDays: 1 });
    expect((await admin(h, owner, 'DELETE', `/instagram/connections/${id}?deleteData=yes`)).status).toBe(400);
    const bad = await admin(h, owner, 'DELETE', `/instagram/connections/${id}?deleteData=yes`);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('deleteData');
    expect((await admin(h, merch, 'DELETE', `/instagram/connections/${id}?deleteData=true`)).status).toBe(403);
    expect(await state(post)).toEqual(kept());

    expect((await admin(h, merch, 'DELETE', `/instagram/connections/${id}`)).status).toBe(204);
    expect(await h.db.select().from(instagramConnections).where(eq(instagramConnections.id, id))).toEqual([]);
    expect(await state(post)).toEqual(kept());
    expect((await auditOf('instagram.disconnected')).find((a) => a.targetId === id)).toMatchObject({ after: null });
  });

  it('with deleteData=true erases what came through it, except granted posts and posts another account also found', async () => {
    const id = await connection();
    const other = await connection();
    const mentions = await source('mentions', id);
    const hashtag = await source('hashtag', id);
    const mine = await collected([mentions], { ageDays: 1 });
    const twice = await collected([mentions, hashtag], { ageDays: 2 });
    const granted = await collected([hashtag], { ageDays: 3, rights: 'granted' });
    const shared = await collected([hashtag, await source('tagged', other)], { ageDays: 1 });
    const elsewhere = await collected([await source('own', other)], { ageDays: 1 });

    const res = await admin(h, owner, 'DELETE', `/instagram/connections/${id}?deleteData=true`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ disconnected: true, erased: 2, remaining: 0 });
    expect(await state(mine)).toEqual(ERASED);
    expect(await state(twice)).toEqual(ERASED);
    expect(await state(granted)).toEqual(kept());
    expect(await state(shared)).toEqual(kept());
    expect(await state(elsewhere)).toEqual(kept());
    expect(await h.db.select().from(instagramConnections).where(eq(instagramConnections.id, id))).toEqual([]);
    expect(await h.db.select({ enabled: sources.enabled, connectionId: sources.connectionId }).from(sources).where(eq(sources.id, mentions))).toEqual([{ enabled: false, connectionId: null }]);

    const deleted = (await auditOf('instagram.data_deleted')).find((a) => a.targetId === id);
    expect(deleted).toMatchObject({ actorKind: 'user', actorUserId: 'usr_demo', after: { username: expect.any(String), posts: expect.arrayContaining([mine.id, twice.id]) } });
    expect((await auditOf('instagram.disconnected')).find((a) => a.targetId === id)).toMatchObject({ after: { dataDeleted: true } });
  });

  it('keeps the connection, its sources paused, until a call finds no data left', async () => {
    const id = await connection();
    const own = await source('own', id);
    const first = await collected([own], { ageDays: 2 });
    const second = await collected([own], { ageDays: 1 });
    const actor = { workspaceId: WS, userId: 'usr_demo' };
    // One post per call instead of 200, to see the bound without collecting hundreds.
    expect(await removeConnection(h, actor, id, true, h.clock.now(), 1)).toEqual({ disconnected: false, erased: 1, remaining: 1 });
    expect(await state(first)).toEqual(ERASED);
    expect(await state(second)).toEqual(kept());
    expect(await h.db.select({ enabled: sources.enabled, connectionId: sources.connectionId }).from(sources).where(eq(sources.id, own))).toEqual([{ enabled: false, connectionId: id }]);
    expect(await h.db.select().from(instagramConnections).where(eq(instagramConnections.id, id))).toHaveLength(1);
    expect(await removeConnection(h, actor, id, true, h.clock.now(), 1)).toEqual({ disconnected: true, erased: 1, remaining: 0 });
    expect(await state(second)).toEqual(ERASED);
    expect(await h.db.select().from(instagramConnections).where(eq(instagramConnections.id, id))).toEqual([]);
  });

  it('answers 404 for a connection of another workspace or none', async () => {
    expect((await admin(h, owner, 'DELETE', '/instagram/connections/igc_nope?deleteData=true')).status).toBe(404);
  });
});

describe('deleting all Instagram data', () => {
  it('needs an owner and { "confirm": true }', async () => {
    const post = await collected([await source('hashtag', await connection())], { ageDays: 1 });
    expect((await admin(h, owner, 'DELETE', '/instagram/data')).status).toBe(415);
    for (const body of [{}, { confirm: false }, { confirm: 'yes' }]) {
      const res = await admin(h, owner, 'DELETE', '/instagram/data', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('confirm');
    }
    expect((await admin(h, merch, 'DELETE', '/instagram/data', { confirm: true })).status).toBe(403);
    expect(await state(post)).toEqual(kept());
  });

  it('erases every collected post without granted rights, keeps granted posts and uploads, and is audited', async () => {
    const id = await connection();
    const a = await collected([await source('hashtag', id)], { ageDays: 1 });
    const b = await collected([await source('tagged', await connection())], { ageDays: 5, rights: 'withdrawn' });
    const granted = await collected([await source('own', id)], { ageDays: 1, rights: 'granted' });
    const upload = await collected([await source('import', null)], { ageDays: 1 });

    const res = await admin(h, owner, 'DELETE', '/instagram/data', { confirm: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { erased: number; remaining: number };
    expect(body.remaining).toBe(0);
    expect(body.erased).toBeGreaterThanOrEqual(2);
    expect(await state(a)).toEqual(ERASED);
    expect(await state(b)).toEqual(ERASED);
    expect(await state(granted)).toEqual(kept());
    expect(await state(upload)).toEqual(kept());
    // The connection itself stays: deleting data is not disconnecting.
    expect(await h.db.select({ id: instagramConnections.id }).from(instagramConnections).where(eq(instagramConnections.id, id))).toHaveLength(1);

    const [audit] = await auditOf('instagram.data_deleted_all');
    expect(audit).toMatchObject({ actorKind: 'user', actorUserId: 'usr_demo', targetType: 'workspace', after: { posts: expect.arrayContaining([a.id, b.id]) } });
    const again = await admin(h, owner, 'DELETE', '/instagram/data', { confirm: true });
    expect(await again.json()).toEqual({ erased: 0, remaining: 0 });
  });
});
