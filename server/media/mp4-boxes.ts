/**
 * The boxes of an MP4 (ISO BMFF) file, read from its bytes without decoding anything: the one
 * walker the video readers share (video-size.ts, strip-video-metadata.ts).
 */

/** One box: its four-letter type, where it starts, its header's length and its whole size. */
export interface Mp4Box {
  type: string;
  start: number;
  header: number;
  size: number;
}

/**
 * The boxes laid end to end from `start` to `end` (a file's top level, or a container's
 * content), and whether they fill it: `complete` is false when one is cut short or overruns,
 * as in a file that is not an MP4, or a broken one; the boxes before it are still given.
 */
export function walkBoxes(view: DataView, start: number, end: number): { boxes: Mp4Box[]; complete: boolean } {
  const boxes: Mp4Box[] = [];
  let offset = start;
  while (offset < end) {
    if (offset + 8 > end) return { boxes, complete: false };
    let size = view.getUint32(offset);
    let header = 8;
    if (size === 1) {
      // A 64-bit size follows the type; no MP4 worth reading here has a box past 2^53.
      if (offset + 16 > end) return { boxes, complete: false };
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) {
      // The last box, to the end.
      size = end - offset;
    }
    if (size < header || offset + size > end) return { boxes, complete: false };
    boxes.push({ type: fourCC(view, offset + 4), start: offset, header, size });
    offset += size;
  }
  return { boxes, complete: true };
}

/** The four ASCII letters at `at`: a box's type, a handler's. */
export const fourCC = (view: DataView, at: number) => String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));

/** The content of a box (what follows its header). */
export const contentOf = (box: Mp4Box) => ({ start: box.start + box.header, end: box.start + box.size });
