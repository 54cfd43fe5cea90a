import { createHarness } from '#harness';
import type { BatchItem } from 'drizzle-orm/batch';
import { beforeAll, expect, it } from 'vitest';
import { runBatch } from '../../db/client.ts';
import { galleries, mediaVariants, postMedia, posts, workspaces } from '../../db/schema.ts';
import { DEMO_PUBLIC_POST_IDS, DEMO_WORKSPACE } from '../../dev/seed/demo-content.ts';
import { type Harness } from '../../dev/testing/harness.ts';
import { listAllPublic } from '../../dev/testing/public-api.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../accounts/workspaces.ts';

const EXTRA = 110;
let h: Harness;

/** A public post with one stored (or, if `stored` is false, still pending) media. */
function publicPost(h: Harness, id: string, workspaceId: string, publishedAt: number, stored = true): BatchItem<'sqlite'>[] {
  const now = h.clock.now();
  return [
    h.db.insert(posts).values({ id, workspaceId, mediaType: 'image', moderationStatus: 'approved', rightsStatus: 'granted', rightsVerification: 'account', publishedAt, collectedAt: now, createdAt: now, updatedAt: now }),
    h.db.insert(postMedia).values({ id: `med_${id}`, postId: id, position: 0, type: 'image', width: 640, height: 640, storeStatus: stored ? 'stored' : 'pending' }),
    h.db.insert(mediaVariants).values({ id: `var_${id}`, mediaId: `med_${id}`, role: 'display', format: 'webp', width: 640, height: 640, bytes: 1, storageKey: `m/med_${id}/display-640.webp`, createdAt: now }),
  ];
}

beforeAll(async () => {
  h = await createHarness();
  const now = h.clock.now();
  const newer = now + 3_600_000;
  await runBatch(h.db, [
    h.db.insert(workspaces).values({ id: 'ws_other', name: 'Other brand', slug: 'other', settings: DEFAULT_WORKSPACE_SETTINGS, createdAt: now }),
    h.db.insert(galleries).values({ id: 'other', workspaceId: 'ws_other', name: 'Other', createdAt: now, updatedAt: now }),
    ...[1, 2, 3].flatMap((i) => publicPost(h, `post_other${i}`, 'ws_other', newer)),
    // Many posts published in the same millisecond: the cursor must break the tie by id.
    ...Array.from({ length: EXTRA }, (_, i) => publicPost(h, `post_x${String(i).padStart(3, '0')}`, DEMO_WORKSPACE.id, newer)).flat(),
    // Approved and cleared, but its image is not re-hosted yet: nothing to show.
    ...publicPost(h, 'post_unstored', DEMO_WORKSPACE.id, newer + 1, false),
  ]);
});

const listAll = (gallery: string, limit: number) => listAllPublic(h, gallery, limit);

const extraIds = Array.from({ length: EXTRA }, (_, i) => `post_x${String(i).padStart(3, '0')}`);

it('pages of 100 stay within D1 parameter limits and list every post once', async () => {
  const ids = await listAll('demo', 100);
  expect(ids).toEqual([...[...extraIds].reverse(), ...DEMO_PUBLIC_POST_IDS]);
});

it('breaks ties in publication time by id, without skipping or repeating across pages', async () => {
  const ids = await listAll('demo', 7);
  expect(ids.slice(0, EXTRA)).toEqual([...extraIds].reverse());
  expect(new Set(ids).size).toBe(ids.length);
});

it('leaves out posts whose media are not stored yet', async () => {
  expect(await listAll('demo', 100)).not.toContain('post_unstored');
});

it('shows each workspace only its own posts', async () => {
  expect(await listAll('other', 100)).toEqual(['post_other3', 'post_other2', 'post_other1']);
  expect((await listAll('demo', 100)).some((id) => id.startsWith('post_other'))).toBe(false);
});
