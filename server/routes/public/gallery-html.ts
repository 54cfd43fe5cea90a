import type { GalleryPostsResponse, PublicPost } from '../../../shared/api-types.ts';
import { cutText } from '../../../shared/text.ts';
import { escapeHtml as escape } from '../../lib/html.ts';

/**
 * The gallery's first row holds at most this many posts (four columns on a wide screen): their
 * photos load with the page, ahead of its other images, since on a page that opens on the
 * gallery they are what the shopper sees first; the rest load as they come into view.
 */
const FIRST_ROW = 4;

/**
 * A gallery page as server-rendered HTML: plain links and images with alt text, sized so the
 * page does not shift. `<vitrine-gallery>` upgrades it when its script runs (it finds the list
 * by `data-vitrine-ssr`), and crawlers or visitors without JavaScript see it as it is.
 */
export function galleryHtml(page: GalleryPostsResponse): string {
  const items = page.posts.map((post, index) => postHtml(post, index < FIRST_ROW)).join('');
  return `<ul data-vitrine-ssr data-gallery="${escape(page.gallery.id)}" data-workspace="${escape(page.tracking.workspaceId)}" data-holdout-share="${page.tracking.holdoutShare}" data-consent-default="${page.tracking.consentDefault}" aria-label="${escape(page.gallery.name)}">${items}</ul>`;
}

function postHtml(post: PublicPost, firstRow: boolean): string {
  const media = post.media[0];
  const variant = media?.variants.at(-1);
  if (!media || !variant) return '';
  const alt = media.alt || [post.author.username ? `Photo by @${post.author.username}` : 'Customer photo', cutText(post.caption, 120)].filter(Boolean).join(': ');
  const srcset = media.variants.map((v) => `${escape(v.url)} ${v.width}w`).join(', ');
  const image = `<img src="${escape(variant.url)}" srcset="${srcset}" sizes="(min-width: 768px) 25vw, 50vw" width="${media.width}" height="${media.height}" alt="${escape(alt)}" ${firstRow ? 'fetchpriority="high"' : 'loading="lazy"'} decoding="async">`;
  const body = post.permalink ? `<a href="${escape(post.permalink)}" rel="noopener">${image}</a>` : image;
  const credit = post.author.username ? `@${post.author.username}: ` : '';
  return `<li data-post-id="${escape(post.id)}">${body}<p>${escape(credit + post.caption)}</p></li>`;
}
