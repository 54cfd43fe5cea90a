import type { PublicMedia, PublicPost } from '../../shared/api-types.ts';
import { shortenText } from '../../shared/text.ts';

/** What an <img> of a post's media needs: a tile's (its first media) or the lightbox's. */
export interface TileImage {
  src: string;
  /** `url 320w, url 640w, …`, for the browser to pick from with `sizes`. */
  srcset: string;
  /** Intrinsic size, so the box is reserved before the image arrives. */
  width: number;
  height: number;
  alt: string;
}

const ALT_CAPTION_LENGTH = 120;

/** Null when the post has no media or its media has no stored variant yet. */
export function tileImage(post: PublicPost): TileImage | null {
  return mediaImage(post, post.media[0]);
}

/** The image of one of the post's media (a video's still frame); null without a variant. */
export function mediaImage(post: PublicPost, media: PublicMedia | undefined): TileImage | null {
  if (!media) return null;
  const variants = preferredVariants(media);
  const largest = variants[variants.length - 1];
  if (!largest) return null;
  return {
    src: largest.url,
    srcset: variants.map((variant) => `${variant.url} ${variant.width}w`).join(', '),
    width: media.width,
    height: media.height,
    alt: media.alt.trim() || altFromCaption(post),
  };
}

// A srcset must not list one width twice: when a width exists in both formats, keep WebP,
// which every browser the widget supports decodes and which is the smaller file.
function preferredVariants(media: PublicMedia): PublicMedia['variants'] {
  const webp = media.variants.filter((variant) => variant.format === 'webp');
  return webp.length > 0 ? webp : media.variants;
}

/** For media nobody described: the start of the caption is the best description there is. */
function altFromCaption(post: PublicPost): string {
  const caption = post.caption.replace(/\s+/g, ' ').trim();
  const excerpt = shortenText(caption, ALT_CAPTION_LENGTH);
  const author = post.author.username ? `Photo by @${post.author.username}` : 'Photo';
  return excerpt ? `${author}: ${excerpt}` : author;
}
