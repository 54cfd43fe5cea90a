/**
 * What Vitrine accepts as an image, decided from the file's first bytes before anything decodes
 * it: JPEG, PNG or WebP (the formats the product names), at most MAX_IMAGE_PIXELS. A decoder
 * asked to open a 30,000 × 30,000 PNG would need gigabytes; the header says so in a few bytes.
 */
import { readImageSize, type ImageSize } from './image-size.ts';

/** 50 megapixels: a full-resolution phone or camera photo (8,192 × 6,144) fits; a decompression bomb does not. */
export const MAX_IMAGE_PIXELS = 50_000_000;
export const ACCEPTED_IMAGES = 'JPEG, PNG or WebP';

/** An image refused for what it is; the message completes "images.0: ...". */
export class ImageRefusedError extends Error {
  override name = 'ImageRefusedError';
}

export function acceptedImage(bytes: Uint8Array): ImageSize {
  const size = readImageSize(bytes);
  if (!size) throw new ImageRefusedError(`is not a ${ACCEPTED_IMAGES} image${otherFormat(bytes)}`);
  if (size.width === 0 || size.height === 0) throw new ImageRefusedError(`is a ${size.format.toUpperCase()} without a size`);
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new ImageRefusedError(`is ${size.width} × ${size.height} px, more than the ${MAX_IMAGE_PIXELS / 1_000_000} megapixels accepted`);
  }
  return size;
}

/** Names a common format that is not accepted, so the message says what was sent. */
function otherFormat(bytes: Uint8Array): string {
  const head = String.fromCharCode(...bytes.subarray(0, 16));
  const brand = head.slice(4, 8) === 'ftyp' ? head.slice(8, 12) : '';
  const name = head.startsWith('GIF8') ? 'GIF' : /^(heic|heix|mif1|msf1|hevc)$/.test(brand) ? 'HEIC' : brand.startsWith('avi') ? 'AVIF' : head.startsWith('II*\0') || head.startsWith('MM\0*') ? 'TIFF' : head.startsWith('BM') ? 'BMP' : /^\s*<(\?xml|svg)/i.test(head) ? 'SVG' : null;
  return name ? ` (it is ${name})` : '';
}
