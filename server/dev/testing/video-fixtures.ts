/**
 * A video filmed "with position": a real playable MP4 (the fake Instagram's writer) carrying a
 * position, the device and XMP in every place phones and cameras write them, for the tests of
 * media/strip-video-metadata.ts and of the routes that store videos.
 */
import { ascii, box, fullBox, tinyMp4, u32 } from '../fake-instagram/mp4.ts';
import { contentOf, walkBoxes, type Mp4Box } from '../../media/mp4-boxes.ts';
import { concatBytes } from '../../media/strip-metadata.ts';
import { SPHERICAL_UUID } from '../../media/strip-video-metadata.ts';

export const colours = { top: [200, 40, 40] as [number, number, number], bottom: [20, 20, 120] as [number, number, number] };
export const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
export const boxesOf = (bytes: Uint8Array, within?: Mp4Box) => walkBoxes(view(bytes), within ? contentOf(within).start : 0, within ? contentOf(within).end : bytes.byteLength).boxes;
export const bytesOf = (bytes: Uint8Array, b: Mp4Box) => bytes.slice(b.start, b.start + b.size);
/** Whether the bytes hold the text (ASCII), anywhere. */
export const contains = (haystack: Uint8Array, needle: string) => indexOf(haystack, needle) >= 0;

/** What a 360° video's spherical box says: its projection, which must stay. */
export const SPHERICAL_XML = '<GSpherical:Spherical>true</GSpherical:Spherical>';

/** Where each kind of phone and camera writes its position, all in one file. */
export const PLACES = ['+48.8584+002.2945/', 'com.apple.quicktime.location.ISO6709', '<exif:GPSLatitude>48,51.5N', 'GPRMC,120000,A,4851.50,N', 'iPhone 15 Pro'];

/**
 * A playable video (tinyMp4) with a position in every place this removes it from: QuickTime's
 * `©xyz` in the movie's `udta`, Apple's location key in the movie's `meta`, XMP in a top-level
 * `uuid`, the device in the video track's `udta`, and a timed metadata track whose one sample
 * (in a second `mdat`) is a GPS sentence; with `spherical`, the video track also says it is a
 * 360° video. The video track's chunk offset is moved with its `mdat`.
 */
export function filmedWithPosition({ chunkOffset64 = false, spherical = false } = {}): { file: Uint8Array<ArrayBuffer>; video: Uint8Array } {
  const plain = tinyMp4({ width: 144, height: 256, ...colours });
  const [ftyp, moov, mdat] = boxesOf(plain) as [Mp4Box, Mp4Box, Mp4Box];
  const [mvhd, videoTrak] = boxesOf(plain, moov) as [Mp4Box, Mp4Box];
  const gps = ascii(PLACES[3]!);
  const metadataTrak = (offset: number) =>
    box(
      'trak',
      fullBox('tkhd', 0, 0, u32(0, 0, 2, 0, 1000, 0, 0, 0, 0), new Uint8Array(36), u32(0, 0)),
      box(
        'mdia',
        fullBox('mdhd', 0, 0, u32(0, 0, 1000, 1000, 0)),
        fullBox('hdlr', 0, 0, u32(0), ascii('meta'), u32(0, 0, 0), ascii('\0')),
        box(
          'minf',
          box(
            'stbl',
            fullBox('stsd', 0, 0, u32(0)),
            fullBox('stts', 0, 0, u32(1, 1, 1000)),
            fullBox('stsc', 0, 0, u32(1, 1, 1, 1)),
            fullBox('stsz', 0, 0, u32(0, 1, gps.length)),
            chunkOffset64 ? fullBox('co64', 0, 0, u32(1, 0, offset)) : fullBox('stco', 0, 0, u32(1, offset)),
          ),
        ),
      ),
    );
  const sphericalBox = box('uuid', Uint8Array.from(SPHERICAL_UUID), ascii(SPHERICAL_XML));
  const videoTrakWithDevice = concatBytes([bytesOf(plain, videoTrak), box('udta', box('©mak', ascii(PLACES[4]!))), ...(spherical ? [sphericalBox] : [])]);
  // The video track's udta makes its trak bigger: its size is written again.
  new DataView(videoTrakWithDevice.buffer).setUint32(0, videoTrakWithDevice.length);
  const newMoov = (offset: number) =>
    box(
      'moov',
      bytesOf(plain, mvhd),
      videoTrakWithDevice,
      metadataTrak(offset),
      box('udta', box('©xyz', ascii(PLACES[0]!))),
      box('meta', fullBox('hdlr', 0, 0, u32(0), ascii('mdta')), box('keys', u32(0, 1), box('mdta', ascii(PLACES[1]!)))),
    );
  const grown = newMoov(0).length - moov.size;
  const xmp = box('uuid', ascii('\xbe\x7a\xcf\xcb\x97\xa9\x42\xe8\x9c\x71\x99\x94\x91\xe3\xaf\xac'), ascii(PLACES[2]!));
  const gpsOffset = ftyp.size + newMoov(0).length + mdat.size + 8;
  const file = concatBytes([bytesOf(plain, ftyp), newMoov(gpsOffset), bytesOf(plain, mdat), box('mdat', gps), xmp]);
  // The video's samples moved with its mdat: its stco entry follows (tinyMp4 has one chunk).
  const stco = indexOf(file, 'stco', ftyp.size);
  new DataView(file.buffer).setUint32(stco + 12, new DataView(file.buffer).getUint32(stco + 12) + grown);
  return { file, video: bytesOf(plain, mdat) };
}

/** Where the text (ASCII) first starts from `from` on, or -1. */
export function indexOf(haystack: Uint8Array, needle: string, from = 0): number {
  const wanted = ascii(needle);
  outer: for (let i = from; i + wanted.length <= haystack.length; i++) {
    for (let j = 0; j < wanted.length; j++) if (haystack[i + j] !== wanted[j]) continue outer;
    return i;
  }
  return -1;
}
