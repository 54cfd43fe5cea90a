import { describe, expect, it } from 'vitest';
import { tinyMp4 } from './mp4.ts';

/** Reads an ISO BMFF box tree far enough to check the file's structure. */
function boxes(bytes: Uint8Array, from = 0, to = bytes.length): { type: string; start: number; size: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const out = [];
  for (let at = from; at < to; ) {
    const size = view.getUint32(at);
    out.push({ type: new TextDecoder().decode(bytes.slice(at + 4, at + 8)), start: at, size });
    expect(size).toBeGreaterThanOrEqual(8);
    at += size;
  }
  return out;
}

function find(bytes: Uint8Array, path: string[]): { start: number; size: number } {
  let range = { start: -8, size: bytes.length + 8 };
  for (const type of path) {
    const found = boxes(bytes, range.start + 8, range.start + range.size).find((b) => b.type === type);
    if (!found) throw new Error(`no ${type}`);
    range = found;
  }
  return range;
}

describe('tinyMp4', () => {
  const bytes = tinyMp4({ width: 144, height: 176, top: [224, 164, 88], bottom: [122, 158, 159] });

  it('is ftyp, moov, mdat with consistent sizes', () => {
    expect(boxes(bytes).map((b) => b.type)).toEqual(['ftyp', 'moov', 'mdat']);
  });

  it('declares an H.264 track whose chunk offset points at the first sample in mdat', () => {
    const view = new DataView(bytes.buffer);
    const stco = find(bytes, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stco']);
    const offset = view.getUint32(stco.start + 16);
    const mdat = find(bytes, ['mdat']);
    expect(offset).toBe(mdat.start + 8);
    const firstNalLength = view.getUint32(offset);
    expect(bytes[offset + 4]! & 0x1f).toBe(5); // an IDR slice
    expect(offset + 4 + firstNalLength).toBeLessThanOrEqual(bytes.length);
    const stsz = find(bytes, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsz']);
    const count = view.getUint32(stsz.start + 16);
    let total = 0;
    for (let i = 0; i < count; i++) total += view.getUint32(stsz.start + 20 + 4 * i);
    expect(total).toBe(mdat.size - 8);
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).toContain('avc1');
    expect(text).toContain('avcC');
  });

  it('stays small: one raw frame, then skipped frames', () => {
    expect(bytes.length).toBeLessThan(144 * 176 * 1.5 + 2000);
  });

  it('refuses sizes that are not whole macroblocks', () => {
    expect(() => tinyMp4({ width: 100, height: 100, top: [0, 0, 0], bottom: [0, 0, 0] })).toThrow();
  });
});
