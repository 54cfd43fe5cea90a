/**
 * Removes what a camera or editor wrote beside the pixels - EXIF (GPS position, device, time),
 * XMP, IPTC, comments, text chunks - from a JPEG, PNG or WebP without decoding it, so that no
 * stored rendition tells shoppers where a photo was taken. Pure JS: Workers, which cannot run
 * sharp, store the source this way; Node uses it for originals it keeps as downloaded.
 *
 * Kept: what decoding needs (JFIF, the ICC colour profile, Adobe's colour transform, PNG colour
 * chunks, WebP's VP8X header) and, for a JPEG, the EXIF orientation alone, rewritten as a
 * one-tag EXIF block, so a portrait phone photo is not shown sideways.
 */
import { ImageRefusedError } from './accept-image.ts';
import type { ImageSize } from './image-size.ts';

export interface Stripped {
  bytes: Uint8Array;
  /** The EXIF orientation kept (1-8; 1 is upright): 5 to 8 show the image turned a quarter. */
  orientation: number;
}

export function stripMetadata(bytes: Uint8Array, format: ImageSize['format']): Stripped {
  if (format === 'jpeg') return stripJpeg(bytes);
  return { bytes: format === 'png' ? stripPng(bytes) : stripWebp(bytes), orientation: 1 };
}

const broken = (format: string) => new ImageRefusedError(`is not a well-formed ${format} file`);
const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

/** The parts joined into one buffer (also used by the fake Instagram's MP4 writer). */
export function concatBytes(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;
const SOS = 0xda;

function stripJpeg(bytes: Uint8Array): Stripped {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let orientation = 1;
  let offset = 2;
  for (;;) {
    if (offset + 4 > bytes.length || bytes[offset] !== 0xff) throw broken('JPEG');
    const marker = bytes[offset + 1]!;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const end = offset + 2 + view.getUint16(offset + 2);
    if (end > bytes.length) throw broken('JPEG');
    const segment = bytes.subarray(offset, end);
    const payload = bytes.subarray(offset + 4, end);
    if (marker === SOS) {
      // From the first scan on it is image data to the end of the file.
      parts.push(bytes.subarray(offset));
      return { bytes: concatBytes(parts), orientation };
    }
    if (marker === APP1) {
      // EXIF (the first APP1 of its kind) gives way to a block with the orientation alone; XMP goes.
      if (ascii(payload, 0, 6) === 'Exif\0\0' && orientation === 1) {
        orientation = exifOrientation(payload.subarray(6));
        if (orientation !== 1) parts.push(orientationOnlyExif(orientation));
      }
    } else if (keepJpegSegment(marker, payload)) {
      parts.push(segment);
    }
    offset = end;
  }
}

function keepJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === APP0 || marker === APP14) return true;
  if (marker === APP2) return ascii(payload, 0, 12) === 'ICC_PROFILE\0';
  // Other APPn (IPTC in APP13, FlashPix, MPF thumbnails, ...) and comments.
  return !((marker > APP0 && marker <= 0xef) || marker === COM);
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF-structured EXIF block; 1 when absent or unreadable. */
function exifOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = ascii(tiff, 0, 2) === 'II';
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return 1;
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** An APP1 segment holding EXIF with one tag: Orientation. */
function orientationOnlyExif(orientation: number): Uint8Array {
  const segment = new Uint8Array(2 + 2 + 6 + 26);
  const view = new DataView(segment.buffer);
  view.setUint16(0, 0xff00 | APP1);
  view.setUint16(2, segment.length - 2);
  segment.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4); // "Exif\0\0"
  const tiff = 10;
  segment.set([0x4d, 0x4d, 0x00, 0x2a], tiff); // big-endian TIFF
  view.setUint32(tiff + 4, 8); // IFD0 right after the header
  view.setUint16(tiff + 8, 1); // one entry
  view.setUint16(tiff + 10, 0x0112); // Orientation
  view.setUint16(tiff + 12, 3); // SHORT
  view.setUint32(tiff + 14, 1); // one value
  view.setUint16(tiff + 18, orientation);
  view.setUint32(tiff + 22, 0); // no next IFD
  return segment;
}

/** Text, EXIF and modification-time chunks; colour and pixel chunks stay. */
const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw broken('PNG');
    const end = offset + 12 + view.getUint32(offset);
    if (end > bytes.length) throw broken('PNG');
    const type = ascii(bytes, offset + 4, 4);
    if (!PNG_DROPPED.has(type)) parts.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') break;
  }
  return concatBytes(parts);
}

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const size = view.getUint32(offset + 4, true);
    const end = offset + 8 + size + (size % 2);
    if (end > bytes.length + (size % 2)) throw broken('WebP');
    const fourcc = ascii(bytes, offset, 4);
    if (fourcc === 'VP8X') {
      const chunk = bytes.slice(offset, Math.min(end, bytes.length));
      chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP);
      parts.push(chunk);
    } else if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      parts.push(bytes.subarray(offset, Math.min(end, bytes.length)));
    }
    offset = end;
  }
  const body = concatBytes(parts);
  const out = new Uint8Array(12 + body.length);
  out.set(bytes.subarray(0, 12));
  new DataView(out.buffer).setUint32(4, 4 + body.length, true);
  out.set(body, 12);
  return out;
}
