/**
 * The server-rendered gallery a merchant may put inside the element for crawlers and for the
 * first paint (`GET /v1/galleries/:id/posts.html`):
 *
 *   <vitrine-gallery gallery="demo">
 *     <ul data-vitrine-ssr>
 *       <li data-post-id="post_1"><a href="https://www.instagram.com/p/…"><img src srcset sizes width height alt></a></li>
 *     </ul>
 *   </vitrine-gallery>
 *
 * The element never removes it: its shadow root has no slot, so once the element is defined the
 * list stays in the document (for crawlers and no-JS readers) without being shown. While the
 * first page loads, the element draws the same tiles in its own grid, so the swap to the live
 * gallery moves nothing.
 */
import type { GalleryPostsResponse } from '../../shared/api-types.ts';

export interface SsrTile {
  id: string;
  src: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
}

export const SSR_SELECTOR = ':scope > [data-vitrine-ssr]';

/** The tiles of the server-rendered list inside `host`, in order; empty when there is none. */
export function readSsrTiles(host: Element): SsrTile[] {
  const list = host.querySelector(SSR_SELECTOR);
  if (!list) return [];
  const tiles: SsrTile[] = [];
  for (const item of Array.from(list.querySelectorAll<HTMLElement>('[data-post-id]'))) {
    const img = item.querySelector('img');
    const width = Number(img?.getAttribute('width'));
    const height = Number(img?.getAttribute('height'));
    if (!img || !item.dataset.postId || !(width > 0 && height > 0)) continue;
    tiles.push({
      id: item.dataset.postId,
      src: img.getAttribute('src') ?? '',
      srcset: img.getAttribute('srcset') ?? '',
      width,
      height,
      alt: img.getAttribute('alt') ?? '',
    });
  }
  return tiles;
}

/**
 * The tracking settings the server-rendered list carries (`data-workspace`,
 * `data-holdout-share`, `data-consent-default`), so a visitor in the holdout is known before any request: the gallery
 * then shows nothing and fetches nothing. Null when the list is absent or predates them.
 */
export function readSsrTracking(host: Element): GalleryPostsResponse['tracking'] | null {
  const list = host.querySelector<HTMLElement>(SSR_SELECTOR);
  const workspaceId = list?.dataset.workspace;
  const holdoutShare = Number(list?.dataset.holdoutShare);
  const consentDefault = list?.dataset.consentDefault === 'granted' ? 'granted' : 'denied';
  return workspaceId && holdoutShare >= 0 && holdoutShare <= 1 ? { workspaceId, holdoutShare, consentDefault } : null;
}
