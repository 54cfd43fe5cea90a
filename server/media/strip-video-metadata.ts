/**
 * Removes what a phone or camera wrote beside the pictures and sound of an MP4 or QuickTime
 * video - above all where it was filmed - without decoding or re-encoding it, so that no stored
 * video tells shoppers where its author lives (what strip-metadata.ts does for photos):
 *  - every `udta`, `meta` and `uuid` box of the file, of its movie and of its tracks: Apple's
 *    location keys (com.apple.quicktime.location.ISO6709), QuickTime's `©xyz`, 3GPP's `loci`,
 *    XMP, the device's make and model, the creation software;
 *  - every track other than video, sound and timecode: timed metadata (a GoPro's or a phone's
 *    GPS track), subtitles (a drone's position on every frame), with their samples in `mdat`.
 * Each becomes a `free` box of the same size, filled with zeros, and a removed track's samples
 * are zeroed where they lie: no byte moves, so every offset the file holds stays right and the
 * video plays as before. Kept: the spherical box a 360° video needs to be shown right.
 */
import { contentOf, fourCC, walkBoxes, type Mp4Box } from './mp4-boxes.ts';

const METADATA = new Set(['udta', 'meta', 'uuid']);
/** Handler types of the tracks kept: what players show and play, and the timecode some reference. */
const KEPT_TRACKS = new Set(['vide', 'soun', 'tmcd']);

/**
 * The video without its metadata, changed where it lies (a 20 MiB upload is not copied in an
 * isolate of 128 MB; the caller owns the bytes), or null when it cannot be done with certainty:
 * the file is not an MP4 (no whole movie box), or a track to remove has samples this cannot find
 * (a fragmented file, compact sample sizes, tables that do not add up). Refusing is the safe
 * answer then, and the bytes, which may be blanked in part, are not to be kept. Bytes after the
 * last whole box (a camera's trailer, which may be its GPS log) are left out of the view returned.
 */
export function stripVideoMetadata<T extends ArrayBufferLike>(source: Uint8Array<T>): Uint8Array<T> | null {
  const top = walkBoxes(new DataView(source.buffer, source.byteOffset, source.byteLength), 0, source.byteLength);
  if (!top.boxes.some((box) => box.type === 'moov')) return null;
  const last = top.boxes.at(-1)!;
  const bytes = source.subarray(0, last.start + last.size);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fragmented = top.boxes.some((box) => box.type === 'moof');
  for (const box of top.boxes) {
    if (isMetadata(bytes, box)) blank(bytes, box);
    else if (box.type === 'moov' && !stripMovie(bytes, view, box, fragmented)) return null;
  }
  return bytes;
}

/** Google's spherical video box (V1, a `uuid`): how a 360° video is projected, which players need. */
export const SPHERICAL_UUID = [0xff, 0xcc, 0x82, 0x63, 0xf8, 0x55, 0x4a, 0x93, 0x88, 0x14, 0x58, 0x7a, 0x02, 0x52, 0x1f, 0xdd];

function isMetadata(bytes: Uint8Array, box: Mp4Box): boolean {
  if (!METADATA.has(box.type)) return false;
  const usertype = bytes.subarray(box.start + box.header, box.start + box.header + 16);
  return !(box.type === 'uuid' && usertype.length === 16 && usertype.every((b, i) => b === SPHERICAL_UUID[i]));
}

function stripMovie(bytes: Uint8Array, view: DataView, moov: Mp4Box, fragmented: boolean): boolean {
  const movie = children(view, moov);
  if (!movie) return false;
  for (const box of movie) {
    if (isMetadata(bytes, box)) blank(bytes, box);
    if (box.type !== 'trak') continue;
    const track = children(view, box);
    if (!track) return false;
    if (KEPT_TRACKS.has(handlerOf(view, track) ?? '')) {
      for (const inner of track) if (isMetadata(bytes, inner)) blank(bytes, inner);
    } else {
      // A fragmented file keeps samples in its fragments too, which this does not follow.
      if (fragmented || !zeroSamples(bytes, view, track)) return false;
      blank(bytes, box);
    }
  }
  return true;
}

/** The boxes inside a container, or null when they do not fill it. */
function children(view: DataView, box: Mp4Box): Mp4Box[] | null {
  const { start, end } = contentOf(box);
  const inner = walkBoxes(view, start, end);
  return inner.complete ? inner.boxes : null;
}

/** The boxes at the end of a path of containers (`['mdia', 'minf', 'stbl']`), or null. */
function descend(view: DataView, boxes: Mp4Box[], path: string[]): Mp4Box[] | null {
  let current: Mp4Box[] | null = boxes;
  for (const type of path) {
    const next: Mp4Box | undefined = current?.find((box) => box.type === type);
    current = next ? children(view, next) : null;
  }
  return current;
}

/** The track's handler type (`vide`, `soun`, `meta`, `text`...): after the `hdlr` box's version, flags and pre_defined. */
function handlerOf(view: DataView, track: Mp4Box[]): string | null {
  const hdlr = descend(view, track, ['mdia'])?.find((box) => box.type === 'hdlr');
  if (!hdlr || hdlr.size < hdlr.header + 12) return null;
  return fourCC(view, hdlr.start + hdlr.header + 8);
}

/**
 * Zeroes every sample of a track where `mdat` holds it, from its sample table: chunk offsets
 * (`stco`, or `co64`), samples per chunk (`stsc`) and sample sizes (`stsz`). A track whose
 * tables are missing, compact (`stz2`) or do not add up is refused (false).
 */
function zeroSamples(bytes: Uint8Array, view: DataView, track: Mp4Box[]): boolean {
  const table = descend(view, track, ['mdia', 'minf', 'stbl']);
  const find = (type: string) => table?.find((box) => box.type === type);
  const stsz = find('stsz');
  const stsc = find('stsc');
  const offsets = find('stco') ?? find('co64');
  if (!stsz || !stsc || !offsets || stsz.size < stsz.header + 12) return false;
  const fixedSize = view.getUint32(stsz.start + stsz.header + 4);
  // Entries after each table's version, flags and count, checked to lie within their box.
  const entries = (box: Mp4Box, skip: number, width: number) => {
    const { start, end } = contentOf(box);
    if (start + skip > end) return null;
    const count = view.getUint32(start + skip - 4);
    return start + skip + count * width <= end ? { at: start + skip, count } : null;
  };
  const chunkTable = entries(offsets, 8, offsets.type === 'co64' ? 8 : 4);
  const chunkRuns = entries(stsc, 8, 12);
  const sizeTable = entries(stsz, 12, fixedSize === 0 ? 4 : 0);
  if (!chunkTable || !chunkRuns || !sizeTable) return false;
  // One size for every sample lists none, so the count alone could claim billions: the file holds them all, or it lies.
  if (sizeTable.count * fixedSize > bytes.byteLength) return false;
  const sampleSize = (i: number) => (fixedSize !== 0 ? fixedSize : view.getUint32(sizeTable.at + i * 4));
  const chunkOffset = (i: number) => (offsets.type === 'co64' ? Number(view.getBigUint64(chunkTable.at + i * 8)) : view.getUint32(chunkTable.at + i * 4));
  const run = (i: number) => ({ firstChunk: view.getUint32(chunkRuns.at + i * 12), perChunk: view.getUint32(chunkRuns.at + i * 12 + 4) });

  let sample = 0;
  for (let r = 0; r < chunkRuns.count; r++) {
    const { firstChunk, perChunk } = run(r);
    const lastChunk = r + 1 < chunkRuns.count ? run(r + 1).firstChunk - 1 : chunkTable.count;
    // Runs that go up from chunk 1, each with samples, visit every chunk once at most: a table
    // that repeats or empties its runs could otherwise claim billions of steps.
    if (firstChunk < 1 || lastChunk < firstChunk || lastChunk > chunkTable.count || perChunk < 1) return false;
    for (let chunk = firstChunk; chunk <= lastChunk; chunk++) {
      if (sample + perChunk > sizeTable.count) return false;
      let at = chunkOffset(chunk - 1);
      for (let s = 0; s < perChunk; s++, sample++) {
        const size = sampleSize(sample);
        if (at + size > bytes.byteLength) return false;
        bytes.fill(0, at, at + size);
        at += size;
      }
    }
  }
  return sample === sizeTable.count;
}

/** The box becomes a `free` box of the same size, its content zeros. */
function blank(bytes: Uint8Array, box: Mp4Box): void {
  bytes.set([0x66, 0x72, 0x65, 0x65], box.start + 4);
  bytes.fill(0, box.start + box.header, box.start + box.size);
}
