import type { PublicMedia, PublicVariant } from '../../shared/api-types.ts';

/** The smallest variant at least `width` wide, else the largest there is. */
export function variantFor(media: PublicMedia, width: number): PublicVariant | undefined {
  return media.variants.find((v) => v.width >= width) ?? media.variants[media.variants.length - 1];
}

/**
 * One media item at a given display width, in a box of its own aspect ratio so nothing shifts
 * while it loads. Videos show their stored frame, marked as video.
 */
export function MediaImage({ media, width }: { media: PublicMedia; width: number }) {
  const variant = variantFor(media, width);
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
