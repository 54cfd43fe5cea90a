import { expect } from 'vitest';
import { posts } from '../../db/schema.ts';
import { request, type Harness } from './harness.ts';

const HOUR = 3_600_000;

/**
 * A post of the demo workspace for the campaign tests: by default approved, rights granted and
 * verified by its own author, posted five days before `now`, its author the id's tail.
 */
export function campaignPost(h: Harness, now: number, id: string, caption: string, over: Partial<typeof posts.$inferInsert> = {}) {
  const publishedAt = over.publishedAt ?? now - 5 * 24 * HOUR;
  return h.db.insert(posts).values({
    id,
    workspaceId: 'ws_demo',
    mediaType: 'image',
    caption,
    authorUsername: id.replace('post_', ''),
    publishedAt,
    collectedAt: publishedAt + HOUR,
    moderationStatus: 'approved',
    rightsStatus: 'granted',
    rightsVerification: 'account',
    createdAt: publishedAt + HOUR,
    updatedAt: publishedAt + HOUR,
    ...over,
  });
}

/** The answer is a refusal with `status`, naming `field`. */
export async function expectRefusal(res: Response, status: number, field: string): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
}

/** The hidden rules and terms ids a campaign's page shows in `lang`: what its form sends back, and what the entry records. */
export async function shownIds(h: Harness, campaign: string, lang: string): Promise<{ rules_id: string; terms_id: string }> {
  const html = await (await request(h, `/c/${campaign}?lang=${lang}`)).text();
  const id = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  return { rules_id: id('rules_id'), terms_id: id('terms_id') };
}
