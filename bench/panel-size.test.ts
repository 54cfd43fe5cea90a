import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { measurePanelSize, PANEL_BUDGETS } from './panel-size.ts';

const publicDir = fileURLToPath(new URL('../dist/public', import.meta.url));

it('the built panel starts within its gzip budget', () => {
  const size = measurePanelSize(publicDir);
  expect(size.initialJsGzipBytes).toBeGreaterThan(0);
  expect(size.initialJsGzipBytes).toBeLessThanOrEqual(PANEL_BUDGETS.initialJsGzipBytes);
});

it('counts the script the built index.html actually loads', () => {
  const html = readFileSync(`${publicDir}/panel/index.html`, 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="\/panel\/([^"]+)"/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  const { initialFiles } = measurePanelSize(publicDir);
  for (const script of scripts) expect(initialFiles).toContain(script);
});
