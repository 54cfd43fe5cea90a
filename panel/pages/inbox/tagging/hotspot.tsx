import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isPending, moveHotspot, untag, type Tag } from '../../../stores/tagging.ts';
import { describePoint, nudge, placeAt, pointAt, samePoint, type Point } from './hotspot-position.ts';
import { t } from '../../../i18n/i18n.ts';

/** Arrow keys save once they pause, so a run of presses is one change (and one request) rather than many. */
const KEY_SAVE_DELAY_MS = 500;

interface Props {
  postId: string;
  tag: Tag;
  /** The media's box: pointer positions are read against it. */
  stage: RefObject<HTMLElement | null>;
  canTag: boolean;
  /** After Delete: the tagger moves focus on, since this button goes away. */
  onRemove: () => void;
}

/**
 * One tagged product's dot on the media. Drag it (pointer events, saved on release), or focus
 * it and use the arrow keys (Shift: bigger steps) and Delete or Backspace.
 */
export function Hotspot({ postId, tag, stage, canTag, onRemove }: Props) {
  // Where the dot is while it is dragged or keyed, before the change is saved.
  const [moving, setMoving] = useState<Point | null>(null);
  const movingRef = useRef<Point | null>(null);
  const drag = useRef<{ from: Point; moved: boolean } | null>(null);
  const keyed = useRef<{ from: Point; timer: ReturnType<typeof setTimeout> } | null>(null);
  const active = canTag && !isPending(tag);
  const at = moving ?? tag.hotspot;

  const show = (point: Point | null) => {
    movingRef.current = point;
    setMoving(point);
  };
  const save = (from: Point) => {
    const to = movingRef.current;
    show(null);
    if (to && !samePoint(from, to)) void moveHotspot(postId, tag.tagId, from, to);
  };
  const saveKeys = () => {
    const run = keyed.current;
    if (!run) return;
    clearTimeout(run.timer);
    keyed.current = null;
    save(run.from);
  };
  // A run of arrow presses still waiting when the details close is saved, not lost.
  useEffect(() => saveKeys, []);

  const pointFor = (event: PointerEvent): Point | null => {
    const box = stage.current?.getBoundingClientRect();
    return box ? pointAt(event.clientX, event.clientY, box) : null;
  };

  return (
    <button
      type="button"
      class="hotspot"
      data-tag-id={tag.tagId}
      data-product-id={tag.id}
      style={placeAt(at)}
      title={tag.title}
      aria-label={t('tagger.hotspot', { title: tag.title, at: describePoint(at) })}
      aria-disabled={active ? undefined : 'true'}
      onPointerDown={(event) => {
        if (!active || event.button !== 0) return;
        // No native drag or text selection may start and cancel the pointer: this drag is ours.
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        event.currentTarget.focus();
        drag.current = { from: tag.hotspot, moved: false };
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        const point = pointFor(event);
        if (!point) return;
        drag.current.moved = true;
        show(point);
      }}
      onPointerUp={() => {
        const run = drag.current;
        drag.current = null;
        if (run?.moved) save(run.from);
      }}
      onPointerCancel={() => {
        drag.current = null;
        show(null);
      }}
      onBlur={saveKeys}
      onKeyDown={(event) => {
        if (!active) return;
        if (event.key === 'Delete' || event.key === 'Backspace') {
          event.preventDefault();
          void untag(postId, tag.tagId);
          onRemove();
          return;
        }
        const next = nudge(at, event.key, event.shiftKey);
        if (!next) return;
        // The inbox's own arrow keys move its cursor: this press is the hotspot's.
        event.preventDefault();
        if (keyed.current) clearTimeout(keyed.current.timer);
        keyed.current = { from: keyed.current?.from ?? tag.hotspot, timer: setTimeout(saveKeys, KEY_SAVE_DELAY_MS) };
        show(next);
      }}
    />
  );
}
