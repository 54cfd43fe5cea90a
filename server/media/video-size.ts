/**
 * Reads a video's display size from its MP4 headers (the first video track's `tkhd` box),
 * without decoding it: Vitrine has no video decoder (no ffmpeg), yet a video stored without a
 * still image still needs its shape, so pages reserve the right box before it loads.
 */
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
  let offset = start;
  while (offset + 8 <= end) {
    let size = view.getUint32(offset);
    let header = 8;
    if (size === 1) {
      // A 64-bit size follows the type; no MP4 worth reading here has a box past 2^53.
      if (offset + 16 > end) return null;
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < header || offset + size > end) return null;
    const type = String.fromCharCode(view.getUint8(offset + 4), view.getUint8(offset + 5), view.getUint8(offset + 6), view.getUint8(offset + 7));
    if (CONTAINERS.has(type)) {
      const found = findSize(view, offset + header, offset + size);
      if (found) return found;
    } else if (type === 'tkhd' && size >= header + 84) {
      // Width and height close the box, as 16.16 fixed-point numbers; audio tracks have zeros.
      const width = Math.round(view.getUint32(offset + size - 8) / 65536);
      const height = Math.round(view.getUint32(offset + size - 4) / 65536);
      if (width > 0 && height > 0) return { width, height };
    }
    offset += size;
  }
  return null;
}
