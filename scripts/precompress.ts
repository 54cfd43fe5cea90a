import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` beside every text file of a build,
 * once, so that Node's static layer serves them without compressing on each request. A file too
 * small to gain from it is left alone. Returns the files it compressed, for the build's log.
 */
export function precompressDir(dir: string, minBytes = 512): string[] {
  const done: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (COMPRESSIBLE.test(name) && statSync(path).size >= minBytes) {
        const source = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }));
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
        done.push(path);
      }
    }
  };
  walk(dir);
  // Workers compress at the edge themselves: the copies stay out of their static assets.
  writeFileSync(join(dir, '.assetsignore'), '*.br\n*.gz\n');
  return done;
}
