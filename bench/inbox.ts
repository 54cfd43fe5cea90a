/**
 * Inbox benchmark: the panel's first page and a filtered search in a workspace of 10,000 posts
 * (each with a stored image and three renditions), through the real app in-process, as p50/p95
 * over repeated requests. Prints one JSON line.
 *
 *   tsx bench/inbox.ts 10000
 */
import type { BatchItem } from 'drizzle-orm/batch';
import { runBatch } from '../server/db/client.ts';
import { mediaVariants, postMedia, posts } from '../server/db/schema.ts';
import { signIn, admin } from '../server/dev/testing/admin-client.ts';
import { createHarness } from '../server/dev/testing/harness.node.ts';
import { latency } from './latency.ts';

const count = Number(process.argv[2] ?? 10_000);
const ROUNDS = 200;
const h = await createHarness();
const now = h.clock.now();
const words = ['lamp', 'vase', 'mug', 'tote', 'cushion', 'candle', 'linen', 'morning', 'sunday', 'balcony'];

for (let start = 0; start < count; start += 250) {
  const statements: BatchItem<'sqlite'>[] = [];
  for (let i = start; i < Math.min(count, start + 250); i++) {
    const id = `post_bench${i}`;
    const status = (['pending', 'approved', 'rejected', 'hidden'] as const)[i % 4]!;
    statements.push(
      h.db.insert(posts).values({ id, workspaceId: 'ws_demo', igMediaId: `bench${i}`, mediaType: 'image', caption: `My ${words[i % 10]} and ${words[(i * 7) % 10]} #yeslumen`, authorUsername: `user${i % 500}`, publishedAt: now - i * 60_000, collectedAt: now - i * 60_000, moderationStatus: status, rightsStatus: i % 3 === 0 ? 'granted' : 'none', createdAt: now, updatedAt: now }),
      h.db.insert(postMedia).values({ id: `med_bench${i}`, postId: id, position: 0, type: 'image', width: 1080, height: 1080, storeStatus: 'stored' }),
      ...[320, 640, 1080].map((w) => h.db.insert(mediaVariants).values({ id: `var_bench${i}_${w}`, mediaId: `med_bench${i}`, role: 'display', format: 'webp', width: w, height: w, bytes: 1, storageKey: `m/med_bench${i}/display-${w}.webp`, createdAt: now })),
    );
  }
  await runBatch(h.db, statements);
}

const owner = await signIn(h);
const timed = (path: string) => latency(() => admin(h, owner, 'GET', path), ROUNDS);

const firstPage = await timed('/posts?status=pending&limit=50');
const search = await timed('/posts?status=approved&q=cushion&rights=granted&hasProducts=false&limit=50');
console.log(JSON.stringify({ posts: count, firstPage, search }));
