import { createHarness } from '#harness';
import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { beforeAll, expect, it } from 'vitest';
import { runBatch } from '../../db/client.ts';
import { MODERATION_STATUSES, posts, RIGHTS_STATUSES, RIGHTS_VERIFICATIONS } from '../../db/schema.ts';
import { DEMO_POSTS, DEMO_WORKSPACE } from '../../dev/seed/demo-content.ts';
import type { Harness } from '../../dev/testing/harness.ts';
import { isPublicPost, publicPostWhere, type PublicnessFacts } from './publicness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

it('the SQL predicate and the rule agree on every combination of the facts', async () => {
  const now = h.clock.now();
  const cases: (PublicnessFacts & { id: string })[] = [];
  for (const moderationStatus of MODERATION_STATUSES)
    for (const rightsStatus of RIGHTS_STATUSES)
      for (const rightsExpiresAt of [null, now - 1, now, now + 1])
        for (const rightsVerification of [...RIGHTS_VERIFICATIONS, null])
          for (const sourceDeletedAt of [null, now - 1])
            for (const erasedAt of [null, now - 1])
              for (const erasureDueAt of [null, now + 1])
                cases.push({ id: `post_case${cases.length}`, moderationStatus, rightsStatus, rightsExpiresAt, rightsVerification, sourceDeletedAt, erasedAt, erasureDueAt });

  const inserts: BatchItem<'sqlite'>[] = cases.map((c) =>
    h.db.insert(posts).values({ ...c, workspaceId: DEMO_WORKSPACE.id, mediaType: 'image', publishedAt: now, collectedAt: now, createdAt: now, updatedAt: now }),
  );
  await runBatch(h.db, inserts);

  const selected = await h.db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.workspaceId, DEMO_WORKSPACE.id), publicPostWhere(now)));
  const fromSql = new Set(selected.map((r) => r.id).filter((id) => id.startsWith('post_case')));
  const fromRule = new Set(cases.filter((c) => isPublicPost(c, now)).map((c) => c.id));

  expect(fromRule.size).toBe(6); // approved + granted + (no expiry | future expiry) + (account | accepted page | submission's confirmed email) verification + not deleted
  expect([...fromSql].sort()).toEqual([...fromRule].sort());
});

it('over random post states, the public API never returns a post without active, verified granted rights', async () => {
  const fc = await import('fast-check');
  const now = h.clock.now();
  const state = fc.record({
    moderationStatus: fc.constantFrom(...MODERATION_STATUSES),
    rightsStatus: fc.constantFrom(...RIGHTS_STATUSES),
    rightsExpiresAt: fc.option(fc.integer({ min: now - 10 * 86_400_000, max: now + 10 * 86_400_000 }), { nil: null }),
    rightsVerification: fc.option(fc.constantFrom(...RIGHTS_VERIFICATIONS), { nil: null }),
    sourceDeletedAt: fc.option(fc.constant(now - 1), { nil: null }),
    erasedAt: fc.option(fc.constant(now - 1), { nil: null }),
    erasureDueAt: fc.option(fc.constant(now + 1), { nil: null }),
  });
  let batch = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(state, { minLength: 1, maxLength: 15 }), async (states) => {
      batch++;
      // Each run turns the demo's posts (all with stored media) into the generated states.
      const ids = DEMO_POSTS.map((p) => p.id);
      await runBatch(h.db, ids.map((id, i) => h.db.update(posts).set(states[i % states.length]!).where(eq(posts.id, id))));
      const res = await h.app.request(`/v1/galleries/demo/posts?limit=100&b=${batch}`);
      const shown = ((await res.json()) as { posts: { id: string }[] }).posts.map((p) => p.id);
      for (const id of shown) {
        const [row] = await h.db.select().from(posts).where(eq(posts.id, id));
        expect(row!.moderationStatus).toBe('approved');
        expect(row!.rightsStatus).toBe('granted');
        expect(row!.rightsExpiresAt === null || row!.rightsExpiresAt > now).toBe(true);
        // Consent typed on the page and still waiting for the author's account never shows.
        expect(['account', 'page']).toContain(row!.rightsVerification);
        expect(row!.sourceDeletedAt).toBeNull();
        expect(row!.erasedAt).toBeNull();
        expect(row!.erasureDueAt).toBeNull();
      }
      // And nothing public is left out.
      const expected = ids.filter((_, i) => isPublicPost(states[i % states.length]!, now));
      expect(new Set(shown)).toEqual(new Set(expected));
    }),
    { numRuns: 40, seed: 20261128 },
  );
});
