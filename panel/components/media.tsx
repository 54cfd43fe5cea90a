import type { PublicMedia, PublicVariant } from '../../shared/api-types.ts';

/** The smallest variant at least `width` wide, else the largest there is. */
export function variantFor(media: PublicMedia, width: number): PublicVariant | undefined {
  return media.variants.find((v) => v.width >= width) ?? media.variants[media.variants.length - 1];
}

/**
 * One media item at a given display width, in a box of its own aspect ratio so nothing shifts
 * while it loads. Videos show their stored frame, marked as video; with `playable`, a video whose
 * file was stored plays in place (never on its own: no autoplay).
 */
export function MediaImage({ media, width, playable = false }: { media: PublicMedia; width: number; playable?: boolean }) {
  const variant = variantFor(media, width);
  if (playable && media.videoUrl) {
    return (
      <div class="media" style={{ aspectRatio: `${media.width} / ${media.height}` }}>
        <video src={media.videoUrl} poster={variant?.url} controls preload="none" width={media.width} height={media.height} aria-label={media.alt || 'Video'} />
      </div>
    );
  }
  return (
    <div class="media" style={{ aspectRatio: `${media.width} / ${media.height}` }}>
      {variant ? (
        <img src={variant.url} alt={media.alt} width={media.width} height={media.height} loading="lazy" decoding="async" />
      ) : (
        <span class="muted">Still being stored…</span>
      )}
      {media.type === 'video' && <span class="badge media-kind">Video</span>}
    </div>
  );
}
