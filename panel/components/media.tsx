import type { PublicMedia, PublicVariant } from '../../shared/api-types.ts';
import type { AdminPost } from '../../shared/admin-types.ts';
import { t } from '../i18n/i18n.ts';

/** The smallest variant at least `width` wide, else the largest there is. */
export function variantFor(media: PublicMedia, width: number): PublicVariant | undefined {
  return media.variants.find((v) => v.width >= width) ?? media.variants[media.variants.length - 1];
}

/**
 * One media item at a given display width, in a box of its own aspect ratio so nothing shifts
 * while it loads. Videos show their stored frame, marked as video; with `playable`, a video whose
 * file was stored plays in place (never on its own: no autoplay), showing its first frame when
 * Instagram gave no still (hashtag videos). Small, such a video is a play-mark placeholder:
 * a row of thumbnails should not fetch every video's headers.
 */
export function MediaImage({ media, width, playable = false }: { media: PublicMedia; width: number; playable?: boolean }) {
  const variant = variantFor(media, width);
  if (playable && media.videoUrl) {
    return (
      <div class="media" style={{ aspectRatio: `${media.width} / ${media.height}` }}>
        <video
          src={media.videoUrl}
          poster={variant?.url}
          controls
          preload={variant ? 'none' : 'metadata'}
          width={media.width}
          height={media.height}
          aria-label={media.alt || t('media.video')}
        />
      </div>
    );
  }
  return (
    <div class="media" style={{ aspectRatio: `${media.width} / ${media.height}` }}>
      {variant ? (
        <img src={variant.url} alt={media.alt} width={media.width} height={media.height} loading="lazy" decoding="async" />
      ) : media.videoUrl ? (
        <VideoMark />
      ) : (
        <span class="muted">Still being stored…</span>
      )}
      {media.type === 'video' && <span class="badge media-kind">Video</span>}
    </div>
  );
}

/** Whether some of a post's media are still being downloaded (as opposed to given up on). */
export const stillStoring = (post: AdminPost): boolean => post.mediaIssues.some((issue) => issue.status === 'pending');

/** The placeholder of a video Instagram gave no still image for: a play mark, named for screen readers. */
export function VideoMark({ label = t('media.noStill') }: { label?: string }) {
  return (
    <span class="video-mark" role="img" aria-label={label}>
      <span aria-hidden="true">▶</span>
    </span>
  );
}
