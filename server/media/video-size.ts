/**
 * Reads a video's display size from its MP4 headers (the first video track's `tkhd` box),
 * without decoding it: Vitrine has no video decoder (no ffmpeg), yet a video stored without a
 * still image still needs its shape, so pages reserve the right box before it loads.
 */
import { contentOf, walkBoxes } from './mp4-boxes.ts';

export interface VideoSize {
  width: number;
  height: number;
}

/** Boxes that only contain other boxes, on the way down to `tkhd`. */
const CONTAINERS = new Set(['moov', 'trak']);

export function readVideoSize(bytes: Uint8Array): VideoSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return findSize(view, 0, bytes.byteLength);
}

function findSize(view: DataView, start: number, end: number): VideoSize | null {
  // The boxes before a broken one are still read: a file cut short after its moov has its size.
  for (const box of walkBoxes(view, start, end).boxes) {
    if (CONTAINERS.has(box.type)) {
      const { start: from, end: to } = contentOf(box);
      const found = findSize(view, from, to);
      if (found) return found;
    } else if (box.type === 'tkhd' && box.size >= box.header + 84) {
      // Width and height close the box, as 16.16 fixed-point numbers; audio tracks have zeros.
      const last = box.start + box.size;
      const width = Math.round(view.getUint32(last - 8) / 65536);
      const height = Math.round(view.getUint32(last - 4) / 65536);
      if (width > 0 && height > 0) return { width, height };
    }
  }
  return null;
}
