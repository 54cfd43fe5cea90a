/**
 * Graph API media, turned into what Vitrine stores. Pure: every shape the API sends (single
 * image, video with or without a downloadable file, carousel of images and videos, hidden like
 * counts, hashtag media without a username) is covered by the test beside this file.
 */
import type { GraphMedia } from '../../instagram/client.ts';

export interface MediaItem {
  /** Instagram id of the child (carousel) or of the media itself. */
  igMediaId: string;
  type: 'image' | 'video';
  /** What to download for the still image: the image itself, or a video's thumbnail. */
  imageUrl: string | null;
  /** A video's file, when the API gives one (not for licensed audio or locked reels). */
  videoUrl: string | null;
}

export interface CollectedMedia {
  igMediaId: string;
  mediaType: 'image' | 'video' | 'carousel';
  caption: string;
  permalink: string | null;
  authorUsername: string | null;
  publishedAt: number;
  likeCount: number | null;
  commentsCount: number | null;
  items: MediaItem[];
}

export function normalizeMedia(media: GraphMedia): CollectedMedia {
  const items: MediaItem[] =
    media.media_type === 'CAROUSEL_ALBUM'
      ? (media.children?.data ?? []).map((child) => item(child.id, child.media_type, child.media_url, child.thumbnail_url))
      : [item(media.id, media.media_type, media.media_url, media.thumbnail_url)];
  return {
    igMediaId: media.id,
    mediaType: media.media_type === 'CAROUSEL_ALBUM' ? 'carousel' : media.media_type === 'VIDEO' ? 'video' : 'image',
    caption: media.caption ?? '',
    permalink: media.permalink ?? null,
    authorUsername: media.username ?? null,
    publishedAt: parseGraphTime(media.timestamp),
    likeCount: media.like_count ?? null,
    commentsCount: media.comments_count ?? null,
    items,
  };
}

function item(id: string, type: string, mediaUrl: string | undefined, thumbnailUrl: string | undefined): MediaItem {
  return type === 'VIDEO'
    ? { igMediaId: id, type: 'video', imageUrl: thumbnailUrl ?? null, videoUrl: mediaUrl ?? null }
    : { igMediaId: id, type: 'image', imageUrl: mediaUrl ?? null, videoUrl: null };
}

/** Graph timestamps look like `2017-08-31T18:10:00+0000`, which Date.parse reads only once the offset has a colon. */
export function parseGraphTime(value: string): number {
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(ms)) throw new Error(`unreadable Graph timestamp: ${value}`);
  return ms;
}
