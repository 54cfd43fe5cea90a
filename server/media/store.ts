/**
 * Where re-hosted media bytes live: local disk on Node, R2 on Workers. Keys are
 * slash-separated, made by Vitrine itself (`m/<mediaId>/<width>.webp`), never by a caller.
 */
import { cutText } from '../../shared/text.ts';

export interface StoredObject {
  /** The whole file, or only the bytes of the range asked for. */
  body: ReadableStream<Uint8Array>;
  /** The whole file's size, even when `body` is a range of it. */
  size: number;
  contentType: string;
}

/** Bytes `offset` to `offset + length - 1` of a file, both within it. */
export interface ByteRange {
  offset: number;
  length: number;
}

export interface MediaStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** `range` must lie within the file (see `head`): browsers play video by asking for ranges. */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  /** The file's size and type without its bytes, or null when there is none. */
  head(key: string): Promise<Omit<StoredObject, 'body'> | null>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.(webp|jpe?g|png|mp4)$/;

/** Rejects anything that is not a key Vitrine makes: no `..`, no absolute paths, no odd bytes. */
export function assertMediaKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`invalid media key: ${JSON.stringify(cutText(key, 80))}`);
}

export function isMediaKey(key: string): boolean {
  return SAFE_KEY.test(key);
}

const CONTENT_TYPES: Record<string, string> = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  mp4: 'video/mp4',
};

export function contentTypeOfKey(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}
