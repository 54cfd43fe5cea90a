import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { assertMediaKey, contentTypeOfKey, type MediaStore } from './store.ts';

/** Media on the local disk under `root` (Node only). Writes are atomic: temp file, then rename. */
export function diskMediaStore(root: string): MediaStore {
  const pathOf = (key: string) => {
    assertMediaKey(key);
    return join(root, key);
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, path);
    },
    async get(key, range) {
      const path = pathOf(key);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) return null;
      const bytes = range ? { start: range.offset, end: range.offset + range.length - 1 } : {};
      return {
        body: Readable.toWeb(createReadStream(path, bytes)) as ReadableStream<Uint8Array>,
        size: info.size,
        contentType: contentTypeOfKey(key),
      };
    },
    async head(key) {
      const info = await stat(pathOf(key)).catch(() => null);
      return info?.isFile() ? { size: info.size, contentType: contentTypeOfKey(key) } : null;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
