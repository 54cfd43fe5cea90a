import { describe, expect, it } from 'vitest';
import { tinyMp4 } from '../dev/fake-instagram/mp4.ts';
import { ascii, box, bytesOf, boxesOf, colours, contains, filmedWithPosition, fullBox, indexOf, PLACES, u32, view } from '../dev/testing/video-fixtures.ts';
import { walkBoxes } from './mp4-boxes.ts';
import { concatBytes } from './strip-metadata.ts';
import { stripVideoMetadata } from './strip-video-metadata.ts';
import { readVideoSize } from './video-size.ts';

describe('stripVideoMetadata', () => {
  it('removes the position from every place phones and cameras write it, moving no byte', () => {
    const { file, video } = filmedWithPosition();
    for (const place of PLACES) expect(contains(file, place), `the test file holds ${place}`).toBe(true);
    const stripped = stripVideoMetadata(file)!;
    expect(stripped.byteLength).toBe(file.byteLength);
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
    const stripped = stripVideoMetadata(filmedWithPosition(true).file)!;
    expect(contains(stripped, PLACES[3]!)).toBe(false);
  });

  it('gives a video without metadata back as it was', () => {
    const plain = tinyMp4({ width: 320, height: 176, ...colours });
    expect(stripVideoMetadata(plain)).toEqual(plain);
  });

  it('refuses what it cannot clean with certainty: a file cut short, not an MP4, a fragmented one with a track to remove', () => {
    const { file } = filmedWithPosition();
    expect(stripVideoMetadata(file.subarray(0, file.byteLength - 3))).toBeNull();
    expect(stripVideoMetadata(ascii('<html>not a video</html>'))).toBeNull();
    expect(stripVideoMetadata(concatBytes([file, box('moof', fullBox('mfhd', u32(1)))]))).toBeNull();
  });

  it('refuses sample tables that claim more than the file holds, without walking them', () => {
    const { file } = filmedWithPosition();
    // One size for all samples, and four billion of them.
    // The GPS track's is the second stsz of the file.
    const stsz = indexOf(file, 'stsz', indexOf(file, 'stsz') + 1);
    new DataView(file.buffer).setUint32(stsz + 8, 16);
    new DataView(file.buffer).setUint32(stsz + 12, 0xffffffff);
    expect(stripVideoMetadata(file)).toBeNull();
  });
});
