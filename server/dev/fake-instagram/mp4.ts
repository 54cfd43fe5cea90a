/**
 * A tiny but real H.264 MP4, built in code so video posts have a playable `media_url` without
 * ffmpeg or network. The first frame is an IDR picture made of I_PCM macroblocks (raw samples,
 * no transform to implement); the following frames are P pictures whose macroblocks are all
 * skipped, so the clip lasts a second for a few hundred bytes more than one frame.
 * Constrained Baseline profile, 4:2:0, avcC-framed samples in an ISO BMFF file (moov first).
 */
import { concatBytes } from '../../media/strip-metadata.ts';

export interface Mp4Options {
  /** Multiples of 16 (whole macroblocks). */
  width: number;
  height: number;
  /** Top and bottom colours of the picture's vertical gradient, as [r, g, b] 0–255. */
  top: [number, number, number];
  bottom: [number, number, number];
  frames?: number;
  fps?: number;
}

class Bits {
  private bytes: number[] = [];
  private current = 0;
  private count = 0;

  u(bits: number, value: number): this {
    for (let i = bits - 1; i >= 0; i--) this.bit((value >>> i) & 1);
    return this;
  }
  /** Exp-Golomb, unsigned. */
  ue(value: number): this {
    const code = value + 1;
    const length = Math.floor(Math.log2(code)) + 1;
    return this.u(length - 1, 0).u(length, code);
  }
  /** Exp-Golomb, signed. */
  se(value: number): this {
    return this.ue(value <= 0 ? -2 * value : 2 * value - 1);
  }
  bit(b: number): this {
    this.current = (this.current << 1) | b;
    if (++this.count === 8) this.flush();
    return this;
  }
  alignZero(): this {
    while (this.count !== 0) this.bit(0);
    return this;
  }
  byte(value: number): this {
    return this.u(8, value);
  }
  /** rbsp_trailing_bits: a stop bit, then zeros to the byte boundary. */
  trailing(): Uint8Array {
    this.bit(1).alignZero();
    return Uint8Array.from(this.bytes);
  }
  private flush(): void {
    this.bytes.push(this.current & 0xff);
    this.current = 0;
    this.count = 0;
  }
}

/** NAL header + payload with emulation prevention (00 00 0x → 00 00 03 0x for x ≤ 3). */
function nal(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out: number[] = [(refIdc << 5) | type];
  let zeros = 0;
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(b);
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

const PROFILE_BASELINE = 66;
const CONSTRAINTS = 0xc0; // constraint_set0 and set1: Constrained Baseline
const LEVEL = 30;

function sps(widthMbs: number, heightMbs: number): Uint8Array {
  const b = new Bits().byte(PROFILE_BASELINE).byte(CONSTRAINTS).byte(LEVEL);
  b.ue(0); // seq_parameter_set_id
  b.ue(0); // log2_max_frame_num_minus4 → frame_num has 4 bits
  b.ue(2); // pic_order_cnt_type 2: output order = decoding order
  b.ue(1); // max_num_ref_frames
  b.u(1, 0); // gaps_in_frame_num_value_allowed_flag
  b.ue(widthMbs - 1).ue(heightMbs - 1);
  b.u(1, 1); // frame_mbs_only_flag
  b.u(1, 1); // direct_8x8_inference_flag
  b.u(1, 0); // frame_cropping_flag
  b.u(1, 0); // vui_parameters_present_flag
  return nal(3, 7, b.trailing());
}

function pps(): Uint8Array {
  const b = new Bits().ue(0).ue(0); // pic_parameter_set_id, seq_parameter_set_id
  b.u(1, 0); // entropy_coding_mode_flag: CAVLC
  b.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
  b.ue(0); // num_slice_groups_minus1
  b.ue(0).ue(0); // num_ref_idx_l0/l1_default_active_minus1
  b.u(1, 0).u(2, 0); // weighted_pred_flag, weighted_bipred_idc
  b.se(0).se(0).se(0); // pic_init_qp_minus26, pic_init_qs_minus26, chroma_qp_index_offset
  b.u(1, 1); // deblocking_filter_control_present_flag, so slices can turn it off
  b.u(1, 0).u(1, 0); // constrained_intra_pred_flag, redundant_pic_cnt_present_flag
  return nal(3, 8, b.trailing());
}

interface Planes {
  y: Uint8Array;
  cb: Uint8Array;
  cr: Uint8Array;
}

/** BT.601 limited range, which also keeps every sample away from 0x00 (no start-code lookalikes). */
function gradient(width: number, height: number, top: [number, number, number], bottom: [number, number, number]): Planes {
  const rowColour = (row: number, rows: number) => top.map((t, i) => t + ((bottom[i] ?? t) - t) * (row / Math.max(1, rows - 1)));
  const y = new Uint8Array(width * height);
  const cb = new Uint8Array((width / 2) * (height / 2));
  const cr = new Uint8Array((width / 2) * (height / 2));
  for (let row = 0; row < height; row++) {
    const [r = 0, g = 0, bl = 0] = rowColour(row, height);
    y.fill(Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * bl) / 255), row * width, (row + 1) * width);
  }
  for (let row = 0; row < height / 2; row++) {
    const [r = 0, g = 0, bl = 0] = rowColour(row * 2, height);
    const half = width / 2;
    cb.fill(Math.round(128 + (-37.797 * r - 74.203 * g + 112 * bl) / 255), row * half, (row + 1) * half);
    cr.fill(Math.round(128 + (112 * r - 93.786 * g - 18.214 * bl) / 255), row * half, (row + 1) * half);
  }
  return { y, cb, cr };
}

function idrSlice(widthMbs: number, heightMbs: number, planes: Planes): Uint8Array {
  const width = widthMbs * 16;
  const b = new Bits();
  b.ue(0); // first_mb_in_slice
  b.ue(7); // slice_type: I (all slices of the picture)
  b.ue(0); // pic_parameter_set_id
  b.u(4, 0); // frame_num
  b.ue(0); // idr_pic_id
  b.u(1, 0).u(1, 0); // dec_ref_pic_marking: no_output_of_prior_pics_flag, long_term_reference_flag
  b.se(0); // slice_qp_delta
  b.ue(1); // disable_deblocking_filter_idc: off
  for (let my = 0; my < heightMbs; my++) {
    for (let mx = 0; mx < widthMbs; mx++) {
      b.ue(25).alignZero(); // mb_type I_PCM, then pcm_alignment_zero_bits
      for (let row = 0; row < 16; row++) for (let col = 0; col < 16; col++) b.byte(planes.y[(my * 16 + row) * width + mx * 16 + col] ?? 128);
      for (const plane of [planes.cb, planes.cr])
        for (let row = 0; row < 8; row++) for (let col = 0; col < 8; col++) b.byte(plane[(my * 8 + row) * (width / 2) + mx * 8 + col] ?? 128);
    }
  }
  return nal(3, 5, b.trailing());
}

/** A P picture whose macroblocks are all skipped: it repeats the previous frame. */
function skipSlice(frameNum: number, macroblocks: number): Uint8Array {
  const b = new Bits();
  b.ue(0).ue(5).ue(0); // first_mb_in_slice, slice_type P, pic_parameter_set_id
  b.u(4, frameNum % 16);
  b.u(1, 0); // num_ref_idx_active_override_flag
  b.u(1, 0); // ref_pic_list_modification_flag_l0
  b.u(1, 0); // adaptive_ref_pic_marking_mode_flag
  b.se(0); // slice_qp_delta
  b.ue(1); // disable_deblocking_filter_idc
  b.ue(macroblocks); // mb_skip_run covering the whole picture
  return nal(2, 1, b.trailing());
}

// ISO BMFF boxes (also used to write test videos: dev/testing/video-fixtures.ts)

export const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));


export function u32(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v >>> 0));
  return out;
}

function u16(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint16(i * 2, v & 0xffff));
  return out;
}

export function box(type: string, ...content: Uint8Array[]): Uint8Array {
  const body = concatBytes(content);
  return concatBytes([u32(body.length + 8), ascii(type), body]);
}

export function fullBox(type: string, version: number, flags: number, ...content: Uint8Array[]): Uint8Array {
  return box(type, u32(((version & 0xff) << 24) | (flags & 0xffffff)), ...content);
}

const MATRIX = u32(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000);

export function tinyMp4(options: Mp4Options): Uint8Array<ArrayBuffer> {
  const { width, height } = options;
  if (width % 16 !== 0 || height % 16 !== 0) throw new Error('width and height must be multiples of 16');
  const frames = options.frames ?? 10;
  const fps = options.fps ?? 10;
  const timescale = 1000;
  const delta = Math.round(timescale / fps);
  const duration = delta * frames;
  const widthMbs = width / 16;
  const heightMbs = height / 16;
  const spsNal = sps(widthMbs, heightMbs);
  const ppsNal = pps();
  const pictures = [idrSlice(widthMbs, heightMbs, gradient(width, height, options.top, options.bottom))];
  for (let i = 1; i < frames; i++) pictures.push(skipSlice(i, widthMbs * heightMbs));
  // avcC framing: each sample is its NAL units, each preceded by a 4-byte length.
  const samples = pictures.map((p) => concatBytes([u32(p.length), p]));

  const avcC = box(
    'avcC',
    Uint8Array.of(1, PROFILE_BASELINE, CONSTRAINTS, LEVEL, 0xff, 0xe1),
    u16(spsNal.length),
    spsNal,
    Uint8Array.of(1),
    u16(ppsNal.length),
    ppsNal,
  );
  const avc1 = box(
    'avc1',
    new Uint8Array(6), // reserved
    u16(1), // data_reference_index
    new Uint8Array(16), // pre_defined, reserved
    u16(width, height),
    u32(0x00480000, 0x00480000, 0), // 72 dpi, reserved
    u16(1), // frame_count
    new Uint8Array(32), // compressorname
    u16(0x0018, 0xffff), // depth, pre_defined
    avcC,
  );
  const stbl = (chunkOffset: number) =>
    box(
      'stbl',
      fullBox('stsd', 0, 0, u32(1), avc1),
      fullBox('stts', 0, 0, u32(1, frames, delta)),
      fullBox('stss', 0, 0, u32(1, 1)),
      fullBox('stsc', 0, 0, u32(1, 1, frames, 1)),
      fullBox('stsz', 0, 0, u32(0, frames, ...samples.map((s) => s.length))),
      fullBox('stco', 0, 0, u32(1, chunkOffset)),
    );
  const moov = (chunkOffset: number) =>
    box(
      'moov',
      fullBox('mvhd', 0, 0, u32(0, 0, timescale, duration, 0x00010000), u16(0x0100, 0), u32(0, 0), MATRIX, new Uint8Array(24), u32(2)),
      box(
        'trak',
        fullBox('tkhd', 0, 3, u32(0, 0, 1, 0, duration, 0, 0), u16(0, 0, 0, 0), MATRIX, u32(width << 16, height << 16)),
        box(
          'mdia',
          fullBox('mdhd', 0, 0, u32(0, 0, timescale, duration), u16(0x55c4, 0)), // language 'und'
          fullBox('hdlr', 0, 0, u32(0), ascii('vide'), u32(0, 0, 0), ascii('VideoHandler\0')),
          box(
            'minf',
            fullBox('vmhd', 0, 1, u16(0, 0, 0, 0)),
            box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1))),
            stbl(chunkOffset),
          ),
        ),
      ),
    );
  const ftyp = box('ftyp', ascii('isom'), u32(0x200), ascii('isomiso2avc1mp41'));
  // The moov's size does not depend on the offset's value, so measure it once, then place mdat after it.
  const offset = ftyp.length + moov(0).length + 8;
  return concatBytes([ftyp, moov(offset), box('mdat', ...samples)]);
}
