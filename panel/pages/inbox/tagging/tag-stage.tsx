import { useRef } from 'preact/hooks';
import type { PublicMedia } from '../../../../shared/api-types.ts';
import { MediaImage } from '../../../components/media.tsx';
import type { Tag } from '../../../stores/tagging.ts';
import { Hotspot } from './hotspot.tsx';
import { placeAt, pointAt, type Point } from './hotspot-position.ts';

interface Props {
  postId: string;
  media: PublicMedia;
  tags: Tag[];
  /** A dropped hotspot still waiting for its product. */
  draft: Point | null;
  canTag: boolean;
  onDrop: (at: Point) => void;
  onRemove: () => void;
}

/**
 * One media item with its hotspots. A click on the picture drops a hotspot there; the media
 * box has the media's own aspect ratio, so fractions of it are fractions of the picture. A
 * video shows its still frame (its controls would take the clicks).
 */
export function TagStage({ postId, media, tags, draft, canTag, onDrop, onRemove }: Props) {
  const stage = useRef<HTMLDivElement>(null);
  return (
    <div
      ref={stage}
      class={`tag-stage${canTag ? ' can-tag' : ''}`}
      data-media-id={media.id}
      onClick={(event) => {
        // A click on a hotspot (or the end of its drag) is the hotspot's.
        if (!canTag || !stage.current || (event.target as Element).closest('.hotspot')) return;
        onDrop(pointAt(event.clientX, event.clientY, stage.current.getBoundingClientRect()));
      }}
    >
      <MediaImage media={media} width={1080} />
      {tags.map((tag) => (
        <Hotspot key={tag.tagId} postId={postId} tag={tag} stage={stage} canTag={canTag} onRemove={onRemove} />
      ))}
      {draft && <span class="hotspot is-draft" style={placeAt(draft)} aria-hidden="true" />}
    </div>
  );
}
