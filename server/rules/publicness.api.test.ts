import { createHarness } from '#harness';
import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { expect, it } from 'vitest';
import { runBatch } from '../db/client.ts';
import { MODERATION_STATUSES, posts, RIGHTS_STATUSES } from '../db/schema.ts';
import { DEMO_WORKSPACE } from '../seed/demo-content.ts';
import { isPublicPost, publicPostWhere, type PublicnessFacts } from './publicness.ts';

it('the SQL predicate and the rule agree on every combination of the facts', async () => {
  const h = await createHarness();
  const now = h.clock.now();
  const cases: (PublicnessFacts & { id: string })[] = [];
  for (const moderationStatus of MODERATION_STATUSES)
    for (const rightsStatus of RIGHTS_STATUSES)
      for (const rightsExpiresAt of [null, now - 1, now, now + 1])
        for (const sourceDeletedAt of [null, now - 1])
          cases.push({ id: `post_case${cases.length}`, moderationStatus, rightsStatus, rightsExpiresAt, sourceDeletedAt });

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

  expect(fromRule.size).toBe(2); // approved + granted + (no expiry | future expiry) + not deleted
  expect([...fromSql].sort()).toEqual([...fromRule].sort());
});
