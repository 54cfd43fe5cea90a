/**
 * What a merchandiser's browser downloads before the panel can start: the entry chunk of
 * panel/index.html and every chunk it imports statically (not the ones loaded on demand).
 * Measured as gzip -9 bytes of the built files, found through the panel build's manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** In gzip bytes; `npm test` fails when a build exceeds it. */
export const PANEL_BUDGETS = { initialJsGzipBytes: 61_440 };

export interface PanelSize {
  initialJsGzipBytes: number;
  /** Not budgeted (the budget is for JS), recorded to watch. */
  initialCssGzipBytes: number;
  /** Files counted, relative to dist/public/panel. */
  initialFiles: string[];
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

const ENTRY = 'index.html';
const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).byteLength;

export function measurePanelSize(publicDir: string): PanelSize {
  const panelDir = join(publicDir, 'panel');
  const manifestPath = join(panelDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;

  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const queue = [ENTRY];
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the panel manifest has no entry for ${key}`);
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    queue.push(...(chunk.imports ?? []));
  }
  const sum = (files: Set<string>) => [...files].reduce((total, file) => total + gzipBytes(join(panelDir, file)), 0);
  return { initialJsGzipBytes: sum(js), initialCssGzipBytes: sum(css), initialFiles: [...js, ...css] };
}
