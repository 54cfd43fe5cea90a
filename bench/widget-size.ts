/**
 * What a shopper's browser downloads for a gallery's first paint: the loader (embed.js), the
 * chunk it imports when a <vitrine-gallery> is on the page, and every chunk that one imports
 * statically. Then what the first interaction adds (the lightbox, floating-ui, the cart): the
 * lightbox chunk the gallery imports by path, the chunks it imports dynamically, and their own
 * imports, less what the first paint already brought. Measured as gzip -9 bytes of the built
 * files in dist/public.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets, in gzip bytes; `npm test` fails when a build exceeds them. */
export const WIDGET_BUDGETS = {
  loaderGzipBytes: 2_560,
  initialGzipBytes: 15_360,
  lazyGzipBytes: 12_288,
};

export interface WidgetSize {
  loaderGzipBytes: number;
  initialGzipBytes: number;
  /** Files counted in the initial load, relative to dist/public. */
  initialFiles: string[];
  /** Loaded on the first interaction (opening a post), on top of the initial files. */
  lazyGzipBytes: number;
  lazyFiles: string[];
}

const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).byteLength;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** Reads the build's manifest (widget/manifest.json) rather than guessing from minified code. */
export function measureWidgetSize(publicDir: string): WidgetSize {
  const manifestPath = join(publicDir, 'widget/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const chunk = (key: string) => {
    const found = manifest[key];
    if (!found) throw new Error(`the widget manifest has no entry for ${key}`);
    return found;
  };

  const initial = new Set<string>([chunk(LOADER).file]);
  const queue = [GALLERY];
  while (queue.length > 0) {
    const key = queue.pop()!;
    const { file, imports = [] } = chunk(key);
    if (initial.has(file)) continue;
    initial.add(file);
    queue.push(...imports);
  }
  const lazy = new Set<string>();
  // The lightbox is an entry of its own, which the gallery imports by path on first interaction.
  const lazyQueue = [LIGHTBOX, ...(chunk(GALLERY).dynamicImports ?? [])];
  while (lazyQueue.length > 0) {
    const key = lazyQueue.pop()!;
    const { file, imports = [], dynamicImports = [] } = chunk(key);
    if (initial.has(file) || lazy.has(file)) continue;
    lazy.add(file);
    lazyQueue.push(...imports, ...dynamicImports);
  }
  const files = [...initial];
  const lazyFiles = [...lazy];
  const total = (list: string[]) => list.reduce((sum, f) => sum + gzipBytes(join(publicDir, f)), 0);
  return {
    loaderGzipBytes: gzipBytes(join(publicDir, chunk(LOADER).file)),
    initialGzipBytes: total(files),
    initialFiles: files,
    lazyGzipBytes: total(lazyFiles),
    lazyFiles,
  };
}

const LOADER = '../widget/loader.ts';
/** Everything the first paint of a grid needs is imported, statically, by the gallery entry. */
const GALLERY = '../widget/gallery/gallery.ts';
/** What opening a post adds (vite.config.ts, chunkPaths). */
const LIGHTBOX = '../widget/lightbox/lightbox.ts';
