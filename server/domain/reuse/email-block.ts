/**
 * The email block: a gallery's top posts, in the gallery's order, whose consent covers email,
 * as static HTML for email service providers. The same query as the gallery (publicness first),
 * with the scope on top, so a withdrawn or expired post leaves on the next fetch.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { workspaces } from '../../db/schema.ts';
import { safeLinkOrNull } from '../../lib/safe-url.ts';
import type { Gallery } from '../galleries/galleries.ts';
import { listGalleryPosts } from '../posts/public-posts.ts';
import { emailBlockHtml } from './email-html.ts';

export const EMAIL_BLOCK_LIMIT = { min: 1, max: 24, fallback: 6 };

/** The store's address for links that only name a path: the first https origin the widget is allowed on. */
async function storeOrigin(db: Db, workspaceId: string): Promise<string | null> {
  const [row] = await db.select({ origins: workspaces.allowedOrigins }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return row?.origins.find((o) => o.startsWith('https://')) ?? null;
}

/** An email has no page to resolve a path against: a path joins the store's origin, or no link. */
function absoluteLink(link: string | null, store: string | null): string | null {
  const safe = safeLinkOrNull(link);
  if (!safe) return store;
  if (!safe.startsWith('/')) return safe;
  return store ? new URL(safe, store).href : null;
}

export async function emailBlock(db: Db, input: { gallery: Gallery; limit: number; now: number; mediaUrl: (key: string) => string }): Promise<string> {
  const [page, store] = await Promise.all([
    listGalleryPosts(db, { gallery: input.gallery, limit: input.limit, cursor: null, now: input.now, mediaUrl: input.mediaUrl, use: 'email' }),
    storeOrigin(db, input.gallery.workspaceId),
  ]);
  const items = page.posts.map((post) => ({ post, link: absoluteLink(post.products[0]?.link ?? null, store) }));
  return emailBlockHtml(input.gallery.name, items);
}
