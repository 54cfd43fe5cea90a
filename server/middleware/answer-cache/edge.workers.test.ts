/**
 * Gallery answers shared by the isolates of a location through Workers' edge cache
 * (`caches.default`), filed under the workspace's content version: another isolate's first
 * request is served from the edge, and a withdrawal moves every isolate to a new key at once.
 */
import { createHarness } from '#harness';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { posts } from '../../db/schema.ts';
import type { Harness } from '../../dev/testing/harness.ts';
import { edgeAnswers, type EdgeCache } from './edge.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** One isolate: its own memory, the location's edge cache, and a version read on every request. */
const isolate = () => createApp(h.deps, { answerCache: { freshnessWindowMs: 0, shared: edgeAnswers((caches as unknown as { default: EdgeCache }).default) } });
const gallery = async (app: ReturnType<typeof isolate>) => {
  const res = await app.request('https://vitrine.example/v1/galleries/demo/posts?limit=100');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { posts: { id: string }[] };
  return { how: res.headers.get('x-vitrine-cache'), etag: res.headers.get('etag'), ids: body.posts.map((p) => p.id) };
};

it("serves another isolate's answer from the edge cache, and a withdrawal's new version misses it", async () => {
  const first = isolate();
  const made = await gallery(first);
  expect(made.how).toBe('miss');
  expect(made.ids).toContain('post_demo03');
  expect((await gallery(first)).how).toBe('hit');

  // A second isolate has nothing in memory: the edge has the answer, byte for byte.
  const second = isolate();
  const shared = await gallery(second);
  expect(shared).toEqual({ ...made, how: 'edge' });
  expect((await gallery(second)).how).toBe('hit');

  // Rights withdrawn, written as any isolate would: the trigger bumps the workspace's version.
  await h.db.update(posts).set({ rightsStatus: 'withdrawn' }).where(eq(posts.id, 'post_demo03'));
  // Whichever isolate asks first makes the new answer; the others then share that one, never the old.
  const remade = await gallery(second);
  expect(remade.how).toBe('miss');
  expect(remade.ids).not.toContain('post_demo03');
  expect(remade.etag).not.toBe(made.etag);
  for (const app of [first, isolate()]) expect(await gallery(app)).toEqual({ ...remade, how: 'edge' });
});
