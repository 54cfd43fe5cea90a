import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { posts } from '../../db/schema.ts';

/**
 * A caption that would run script if it ever became markup. The demo a newcomer sees carries no
 * such text, so tests that check escaping put it on a post themselves.
 */
export const HOSTILE_CAPTION = 'Shelf styling, round two <3 <b>no regrets</b> <img src=x onerror="window.__vitrineXss=1"> @maisonlumen';

/** Gives the demo's post_demo07 (public, on the gallery's first page) the hostile caption. */
export async function withHostileCaption(db: Db, postId = 'post_demo07'): Promise<void> {
  await db.update(posts).set({ caption: HOSTILE_CAPTION }).where(eq(posts.id, postId));
}
