import type { R2Bucket } from '@cloudflare/workers-types/index.ts';
import { assertMediaKey, type MediaStore } from './store.ts';

/** Media in a Cloudflare R2 bucket (Workers). */
export function r2MediaStore(bucket: R2Bucket): MediaStore {
  return {
    async put(key, bytes, contentType) {
      assertMediaKey(key);
      await bucket.put(key, bytes, { httpMetadata: { contentType } });
    },
    async get(key, range) {
      assertMediaKey(key);
      const object = await bucket.get(key, range ? { range } : {});
      if (!object) return null;
      return {
        body: object.body as unknown as ReadableStream<Uint8Array>,
        size: object.size,
        contentType: object.httpMetadata?.contentType ?? 'application/octet-stream',
      };
    },
    async head(key) {
      assertMediaKey(key);
      const object = await bucket.head(key);
      return object ? { size: object.size, contentType: object.httpMetadata?.contentType ?? 'application/octet-stream' } : null;
    },
    async delete(key) {
      assertMediaKey(key);
      await bucket.delete(key);
    },
  };
}
