import { createHarness } from '#harness';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { runBatch } from '../../db/client.ts';
import { posts } from '../../db/schema.ts';
import { DEMO_WORKSPACE } from '../../dev/seed/demo-content.ts';
import type { Harness } from '../../dev/testing/harness.ts';
import { CONSENT_USES, consentCovers, scopeCoversWhere } from './scope.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

it('the SQL predicate and the rule agree on every scope, every use, and scopes that are not lists', async () => {
  const now = h.clock.now();
  // Every subset of the five scopes, then none on record, then names that are not uses.
  const subsets: string[][] = Array.from({ length: 32 }, (_, mask) => CONSENT_USES.filter((_, i) => mask & (1 << i)));
  const scopes: (string[] | null)[] = [...subsets, null, ['ADS', '*', 'all']];
  const ids = scopes.map((_, i) => `post_scope${i}`);
  await runBatch(
    h.db,
    scopes.map((rightsScope, i) => h.db.insert(posts).values({ id: ids[i]!, workspaceId: DEMO_WORKSPACE.id, mediaType: 'image', rightsScope, publishedAt: now, collectedAt: now, createdAt: now, updatedAt: now })),
  );
  // What a json column could hold that is not a list of names: text, an object, broken JSON.
  const odd = ['"ads"', '{"ads":true}', '[1,["ads"]]', 'not json [ads'];
  for (const [i, raw] of odd.entries()) {
    await h.db.insert(posts).values({ id: `post_scope_odd${i}`, workspaceId: DEMO_WORKSPACE.id, mediaType: 'image', publishedAt: now, collectedAt: now, createdAt: now, updatedAt: now });
    await h.db.run(sql`update posts set rights_scope = ${raw} where id = ${`post_scope_odd${i}`}`);
  }
  for (const use of CONSENT_USES) {
    const rows = await h.db.select({ id: posts.id }).from(posts).where(and(eq(posts.workspaceId, DEMO_WORKSPACE.id), scopeCoversWhere(use)));
    const fromSql = rows.map((r) => r.id).filter((id) => id.startsWith('post_scope')).sort();
    const fromRule = ids.filter((_, i) => consentCovers(scopes[i], use)).sort();
    expect(fromRule, use).toHaveLength(16);
    expect(fromSql, use).toEqual(fromRule);
  }
});
