import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` beside every text file of a build,
 * once, so that Node's static layer serves them without compressing on each request. A file too
 * small to gain from it is left alone.
 */
export function precompressDir(dir: string, minBytes = 512): void {
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else if (COMPRESSIBLE.test(name) && info.size >= minBytes) {
        const source = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }));
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
      }
    }
  };
  walk(dir);
  // Workers compress at the edge themselves: the copies stay out of their static assets.
  writeFileSync(join(dir, '.assetsignore'), '*.br\n*.gz\n');
}
