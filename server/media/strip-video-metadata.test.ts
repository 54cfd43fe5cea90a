import { describe, expect, it } from 'vitest';
import { ascii, box, fullBox, tinyMp4, u32 } from '../dev/fake-instagram/mp4.ts';
import { bytesOf, boxesOf, colours, contains, filmedWithPosition, indexOf, PLACES, SPHERICAL_XML, view } from '../dev/testing/video-fixtures.ts';
import { walkBoxes, type Mp4Box } from './mp4-boxes.ts';
import { concatBytes } from './strip-metadata.ts';
import { stripVideoMetadata } from './strip-video-metadata.ts';
import { readVideoSize } from './video-size.ts';

describe('stripVideoMetadata', () => {
  it('removes the position from every place phones and cameras write it, moving no byte', () => {
    const { file, video } = filmedWithPosition();
    for (const place of PLACES) expect(contains(file, place), `the test file holds ${place}`).toBe(true);
    const stripped = stripVideoMetadata(file)!;
    expect(stripped.byteLength).toBe(file.byteLength);
    // Where the file lies: an upload is not copied.
    expect(stripped.buffer).toBe(file.buffer);
    for (const place of PLACES) expect(contains(stripped, place), place).toBe(false);
    // What remains is the video: its size, its samples where its chunk offset says, one track.
    expect(readVideoSize(stripped)).toEqual({ width: 144, height: 256 });
    const top = walkBoxes(view(stripped), 0, stripped.byteLength);
    expect(top.complete).toBe(true);
    expect(top.boxes.map((b) => b.type)).toEqual(['ftyp', 'moov', 'mdat', 'mdat', 'free']);
    const moov = top.boxes[1]!;
    expect(boxesOf(stripped, moov).map((b) => b.type)).toEqual(['mvhd', 'trak', 'free', 'free', 'free']);
    const videoMdat = top.boxes[2]!;
    expect(bytesOf(stripped, videoMdat)).toEqual(video);
    const stco = indexOf(stripped, 'stco');
    expect(new DataView(stripped.buffer).getUint32(stco + 12)).toBe(videoMdat.start + 8);
    // The removed track's sample is zeros where it was.
    const gpsMdat = top.boxes[3]!;
    expect(bytesOf(stripped, gpsMdat).subarray(8).every((b) => b === 0)).toBe(true);
  });

  it('finds a removed track\'s samples through 64-bit chunk offsets too', () => {
    const stripped = stripVideoMetadata(filmedWithPosition({ chunkOffset64: true }).file)!;
    expect(contains(stripped, PLACES[3]!)).toBe(false);
  });

  it('gives a video without metadata back as it was', () => {
    const plain = tinyMp4({ width: 320, height: 176, ...colours });
    const before = plain.slice();
    expect(stripVideoMetadata(plain)).toEqual(before);
  });

  it('keeps the box a 360° video needs to be shown right', () => {
    const stripped = stripVideoMetadata(filmedWithPosition({ spherical: true }).file)!;
    expect(contains(stripped, SPHERICAL_XML)).toBe(true);
    for (const place of PLACES) expect(contains(stripped, place), place).toBe(false);
  });

  it('cuts off bytes after the last whole box: a camera\'s trailer, its GPS log', () => {
    const { file } = filmedWithPosition();
    const stripped = stripVideoMetadata(concatBytes([file, ascii('GPS LOG +48.8584+002.2945 ...')]))!;
    expect(stripped.byteLength).toBe(file.byteLength);
    expect(contains(stripped, 'GPS LOG')).toBe(false);
  });

  it('refuses what it cannot clean with certainty: not an MP4, a file cut short inside its movie, a fragmented one with a track to remove', () => {
    const { file } = filmedWithPosition();
    expect(stripVideoMetadata(ascii('<html>not a video</html>'))).toBeNull();
    const moov = boxesOf(file)[1]!;
    expect(stripVideoMetadata(file.subarray(0, moov.start + 40))).toBeNull();
    expect(stripVideoMetadata(concatBytes([file, box('moof', fullBox('mfhd', 0, 0, u32(1)))]))).toBeNull();
  });

  it('refuses sample tables that would have it walk without end: runs over every chunk, again and again, without samples', () => {
    // 100,000 chunks and 100,000 runs each going back to chunk 1: ten billion steps, if walked.
    const chunks = 100_000;
    const runs = Array.from({ length: chunks }, (_, i) => [i % 2 === 0 ? 1 : chunks, 0, 1]).flat();
    const stbl = box('stbl', fullBox('stsc', 0, 0, words([chunks, ...runs])), fullBox('stsz', 0, 0, u32(0, 0)), fullBox('stco', 0, 0, words([chunks, ...new Array<number>(chunks).fill(0)])));
    expect(stripVideoMetadata(withTrack('meta', stbl))).toBeNull();
  });

  it('refuses sample tables that claim more samples than the file holds', () => {
    const { file } = filmedWithPosition();
    const data = new DataView(file.buffer);
    // The GPS track: one byte for every sample, four billion of them, all in its one chunk.
    const stsz = indexOf(file, 'stsz', indexOf(file, 'stsz') + 1);
    data.setUint32(stsz + 8, 1);
    data.setUint32(stsz + 12, 0xffffffff);
    const stsc = indexOf(file, 'stsc', indexOf(file, 'stsc') + 1);
    data.setUint32(stsc + 16, 0xffffffff);
    expect(stripVideoMetadata(file)).toBeNull();
  });
});

/** Big-endian 32-bit words, for tables too long to spread into u32(). */
function words(values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const data = new DataView(out.buffer);
  values.forEach((value, i) => data.setUint32(i * 4, value));
  return out;
}

/** A playable video with one more track: its handler and its sample table (offsets may point anywhere: it is to be refused). */
function withTrack(handler: string, stbl: Uint8Array): Uint8Array {
  const plain = tinyMp4({ width: 144, height: 256, ...colours });
  const [ftyp, moov, mdat] = boxesOf(plain) as [Mp4Box, Mp4Box, Mp4Box];
  const trak = box('trak', box('mdia', fullBox('hdlr', 0, 0, u32(0), ascii(handler), u32(0, 0, 0), ascii('\0')), box('minf', stbl)));
  return concatBytes([bytesOf(plain, ftyp), box('moov', ...boxesOf(plain, moov).map((b) => bytesOf(plain, b)), trak), bytesOf(plain, mdat)]);
}
