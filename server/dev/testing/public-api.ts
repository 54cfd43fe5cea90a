import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import { request, type Harness } from './harness.ts';

/** Every post id a gallery lists, following `nextCursor` page by page as a widget would. */
export async function listAllPublic(h: Harness, galleryId: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await request(h, `/v1/galleries/${galleryId}/posts?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    if (res.status !== 200) throw new Error(`gallery ${galleryId}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as GalleryPostsResponse;
    if (body.posts.length > limit) throw new Error(`gallery ${galleryId}: ${body.posts.length} posts on a page of ${limit}`);
    ids.push(...body.posts.map((p) => p.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}
