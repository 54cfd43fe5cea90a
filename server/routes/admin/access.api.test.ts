/**
 * Roles and tenancy, enumerated from the app itself so that a new admin route cannot forget them:
 * analysts change nothing, and a member of one workspace cannot reach another's ids.
 */
import { createHarness } from '#harness';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships, users, workspaces } from '../../db/schema.ts';
import { runBatch } from '../../db/client.ts';
import { hashPassword } from '../../security/password.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../domain/accounts/workspaces.ts';
import { admin, addMember, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import type { Harness } from '../../dev/testing/harness.ts';
import { tableDigests } from '../../dev/testing/db-digest.ts';
import { appRoutes, fillPath } from '../../dev/testing/routes.ts';

let h: Harness;
let owner: AdminSession;
let analyst: AdminSession;
let otherOwner: AdminSession;
let demoKeyId: string;

/** Admin routes that change state, except signing in and out and one's own password. */
function mutatingAdminRoutes() {
  const seen = new Set<string>();
  return h.app.routes
    .filter((r) => r.path.startsWith('/admin/') && !r.path.startsWith('/admin/auth/') && !['GET', 'ALL', 'HEAD', 'OPTIONS'].includes(r.method))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
  analyst = await addMember(h, owner, 'ana@example.com', 'analyst');
  const now = h.clock.now();
  await runBatch(h.db, [
    h.db.insert(workspaces).values({ id: 'ws_other', name: 'Other brand', slug: 'other', settings: DEFAULT_WORKSPACE_SETTINGS, createdAt: now }),
    h.db.insert(users).values({ id: 'usr_other', email: 'owner@other.example', name: 'Other', passwordHash: await hashPassword('other owner password'), createdAt: now }),
    h.db.insert(memberships).values({ workspaceId: 'ws_other', userId: 'usr_other', role: 'owner', createdAt: now }),
  ]);
  otherOwner = await signIn(h, 'owner@other.example', 'other owner password');
  const key = await admin(h, owner, 'POST', '/api-keys', { name: 'Shop server', scopes: ['orders:write'] });
  demoKeyId = ((await key.json()) as { id: string }).id;
  // One row of each kind an admin route can name, so every route is tried with a real id.
  const made = [
    await admin(h, owner, 'POST', '/moderation-rules', { kind: 'blocked_word', value: 'spam' }),
    await admin(h, owner, 'POST', '/webhooks', { url: 'https://merchant.example/hooks', events: ['rights.granted'] }),
    await admin(h, owner, 'POST', '/rights/requests', { postIds: ['post_norights'], language: 'en' }),
    await admin(h, owner, 'POST', '/campaigns', {
      id: 'spring',
      name: 'Spring',
      hashtag: 'yeslumen',
      startsAt: new Date(now - 365 * 86_400_000).toISOString(),
      endsAt: new Date(now + 86_400_000).toISOString(),
      rules: { title: 'Rules', body: 'One entry per person, drawn at random.' },
    }),
  ];
  const connection = await admin(h, owner, 'POST', '/instagram/connections', { igUserId: h.fake.account.igUserId, accessToken: h.fake.account.accessToken });
  expect(connection.status).toBe(201);
  const connectionId = ((await connection.json()) as { id: string }).id;
  made.push(await admin(h, owner, 'POST', '/sources', { kind: 'tagged', connectionId }));
  for (const res of made) expect(res.status, await res.text()).toBeLessThan(300);
});

/**
 * Every id of the demo workspace, a few per table: each table with a workspace_id and an id,
 * and the rows that belong to it through a post (media, product tags). Read from the database,
 * so the tables of features added later are tried too.
 */
async function demoWorkspaceIds(): Promise<string[]> {
  // From each table's CREATE statement: D1 does not allow pragma_table_info in queries.
  const tables = (await h.db.all<{ name: string; sql: string }>(sql`select name, sql from sqlite_master where type = 'table'`)).filter(
    (t) => /[(,]\s*[`"]workspace_id[`"]\s+\w/.test(t.sql) && /[(,]\s*[`"]id[`"]\s+\w/.test(t.sql),
  );
  const ids: string[] = [];
  for (const { name } of tables) {
    const rows = await h.db.all<{ id: string }>(sql.raw(`select id from "${name}" where workspace_id = 'ws_demo' order by id limit 2`));
    ids.push(...rows.map((r) => String(r.id)));
  }
  for (const child of ['post_media', 'post_products']) {
    const rows = await h.db.all<{ id: string }>(sql.raw(`select c.id from "${child}" c join posts p on p.id = c.post_id where p.workspace_id = 'ws_demo' order by c.id limit 2`));
    ids.push(...rows.map((r) => String(r.id)));
  }
  return [...new Set([...ids, 'usr_demo', 'ws_demo', 'demo'])];
}

it('finds the mutating admin routes to check', () => {
  expect(mutatingAdminRoutes().length).toBeGreaterThanOrEqual(5);
});

describe('analysts change nothing', () => {
  it('every mutating admin route answers 403', async () => {
    for (const route of mutatingAdminRoutes()) {
      const path = route.path.replace(/^\/admin/, '').replace(/:(\w+)/g, 'some-id');
      const res = await admin(h, analyst, route.method, path, {});
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
    }
  });

  it('but they can read', async () => {
    expect((await admin(h, analyst, 'GET', '/members')).status).toBe(200);
    expect((await admin(h, analyst, 'GET', '/audit')).status).toBe(200);
    expect((await admin(h, analyst, 'GET', '/api-keys')).status).toBe(403);
  });
});

/**
 * A valid body for each admin route that takes an id, so the check reaches the ownership test
 * instead of stopping at validation. A new route without an entry here fails the test below.
 */
const VALID_BODIES: Record<string, unknown> = {
  'GET /admin/posts/:id': undefined,
  'DELETE /admin/visitors/:visitorId': undefined,
  'GET /admin/posts/:id/product-suggestions': undefined,
  'POST /admin/posts/:id/media/retry': undefined,
  'POST /admin/posts/:id/products': { productId: 'prod_demo1', x: 0.5, y: 0.5 },
  'PATCH /admin/posts/:id/products/:tagId': { x: 0.5, y: 0.5 },
  'DELETE /admin/posts/:id/products/:tagId': undefined,
  'GET /admin/media/*': undefined,
  'PATCH /admin/members/:userId': { role: 'analyst' },
  'DELETE /admin/members/:userId': undefined,
  'DELETE /admin/api-keys/:id': undefined,
  'DELETE /admin/moderation-rules/:id': undefined,
  'PATCH /admin/galleries/:id': { name: 'Taken over' },
  'DELETE /admin/galleries/:id': undefined,
  'PUT /admin/galleries/:id/order': { postIds: [] },
  'GET /admin/galleries/:id/posts': undefined,
  'PATCH /admin/sources/:id': { enabled: false },
  'POST /admin/sources/:id/run': undefined,
  'DELETE /admin/instagram/connections/:id': undefined,
  'GET /admin/instagram/connections/:id/hashtag-quota': undefined,
  'POST /admin/rights/requests/:id/sent': undefined,
  'DELETE /admin/webhooks/:id': undefined,
  'PATCH /admin/catalog/feeds/:id': { name: 'Taken over' },
  'GET /admin/catalog/feeds/:id/imports': undefined,
  'POST /admin/catalog/feeds/:id/imports': undefined,
  'GET /admin/catalog/imports/:id': undefined,
  'POST /admin/catalog/imports/:id/apply': { skipInvalid: true },
  'POST /admin/catalog/imports/:id/discard': undefined,
  'GET /admin/campaigns/:id': undefined,
  'PATCH /admin/campaigns/:id': { name: 'Taken over' },
  'DELETE /admin/campaigns/:id': undefined,
  'GET /admin/campaigns/:id/rules': undefined,
  'POST /admin/campaigns/:id/rules': { title: 'Taken over', body: 'These rules were written by someone else.' },
  'GET /admin/campaigns/:id/entries': undefined,
  'POST /admin/campaigns/:id/draw': { at: '2999-01-01T00:00:00Z' },
  'POST /admin/campaigns/:id/draw/run': undefined,
  'POST /admin/campaigns/:id/winners': { postIds: ['post_demo01'] },
  'GET /admin/campaigns/:id/winners': undefined,
  'POST /admin/campaigns/:id/winners/:postId/notified': undefined,
  'POST /admin/campaigns/:id/winners/:postId/email': undefined,
};

describe("another workspace's ids are not found", () => {
  it('every admin route with an id answers 404 or 403 for every kind of the demo workspace ids, and changes nothing', async () => {
    const ids = await demoWorkspaceIds();
    expect(ids.length, 'ids from many tables').toBeGreaterThan(20);
    // A product tag belongs to a post: the pair of the demo workspace's own ids is tried too.
    const [tag] = await h.db.all<{ id: string; postId: string }>(sql`select c.id, c.post_id as postId from post_products c join posts p on p.id = c.post_id where p.workspace_id = 'ws_demo' limit 1`);
    const before = await tableDigests(h.db, ['rate_limits', 'sessions']);
    const withIds = appRoutes(h.app).filter((r) => r.path.startsWith('/admin/') && /:|\*/.test(r.path.slice('/admin/'.length)));
    expect(withIds.length).toBeGreaterThan(0);
    let tried = 0;
    for (const route of withIds) {
      const key = `${route.method} ${route.path}`;
      expect(Object.keys(VALID_BODIES), `add a valid body for ${key} to VALID_BODIES`).toContain(key);
      const fills: ((name: string) => string)[] = ids.map((id) => (name: string) => (name === '*' ? `m/${id}/display-320.webp` : id));
      if (tag) fills.push((name) => (name === 'tagId' ? tag.id : name === '*' ? 'm/med_post_demo01_0/display-320.webp' : tag.postId));
      for (const fill of fills) {
        const path = fillPath(route.path, fill).replace(/^\/admin/, '');
        const res = await admin(h, otherOwner, route.method, path, VALID_BODIES[key]);
        expect([403, 404], `${route.method} ${path}`).toContain(res.status);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(withIds.length * 20);
    expect(await tableDigests(h.db, ['rate_limits', 'sessions']), 'no stored row changed').toEqual(before);
    const galleries = (await (await admin(h, owner, 'GET', '/galleries')).json()) as { galleries: { id: string; name: string }[] };
    expect(galleries.galleries.map((g) => [g.id, g.name])).toEqual([['demo', 'Worn & loved by you']]);
    const keys = (await (await admin(h, owner, 'GET', '/api-keys')).json()) as { apiKeys: { id: string; revokedAt: number | null }[] };
    expect(keys.apiKeys.find((k) => k.id === demoKeyId)?.revokedAt).toBeNull();
    // Every route with an id times every id, one request after another: their number grows with
    // each route and table added (in workerd on a loaded machine, past the 30 s default).
  }, 120_000);

  it('lists only its own members and audit entries', async () => {
    const members = (await (await admin(h, otherOwner, 'GET', '/members')).json()) as { members: { email: string }[] };
    expect(members.members.map((m) => m.email)).toEqual(['owner@other.example']);
    const audit = (await (await admin(h, otherOwner, 'GET', '/audit')).json()) as { entries: unknown[] };
    expect(audit.entries).toEqual([]);
  });

  it('cannot switch its session into a workspace it is not a member of', async () => {
    expect((await admin(h, otherOwner, 'POST', '/auth/workspace', { workspaceId: 'ws_demo' })).status).toBe(404);
  });
});
