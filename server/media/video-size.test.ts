import { describe, expect, it } from 'vitest';
import { tinyMp4 } from '../dev/fake-instagram/mp4.ts';
import { readVideoSize } from './video-size.ts';

const colours = { top: [200, 40, 40] as [number, number, number], bottom: [20, 20, 120] as [number, number, number] };

describe('readVideoSize', () => {
  it("reads the video track's size from an MP4's headers", () => {
    expect(readVideoSize(tinyMp4({ width: 144, height: 256, ...colours }))).toEqual({ width: 144, height: 256 });
    expect(readVideoSize(tinyMp4({ width: 320, height: 176, ...colours }))).toEqual({ width: 320, height: 176 });
  });

  it('answers null for bytes that are not an MP4, or one cut short', () => {
    expect(readVideoSize(new TextEncoder().encode('<html>not a video</html>'))).toBeNull();
    expect(readVideoSize(new Uint8Array())).toBeNull();
    const whole = tinyMp4({ width: 144, height: 256, ...colours });
    expect(readVideoSize(whole.subarray(0, 40))).toBeNull();
  });
});
