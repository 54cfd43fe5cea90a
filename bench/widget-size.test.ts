import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { measureWidgetSize, WIDGET_BUDGETS } from './widget-size.ts';

const publicDir = fileURLToPath(new URL('../dist/public', import.meta.url));

it('the built widget stays within its gzip budgets', () => {
  const size = measureWidgetSize(publicDir);
  expect(size.initialFiles[0]).toBe('embed.js');
  expect(size.initialFiles.length).toBeGreaterThan(1);
  expect(size.loaderGzipBytes).toBeLessThanOrEqual(WIDGET_BUDGETS.loaderGzipBytes);
  expect(size.initialGzipBytes).toBeLessThanOrEqual(WIDGET_BUDGETS.initialGzipBytes);
});

it('the lightbox and floating-ui load on first interaction, within their own budget', () => {
  const size = measureWidgetSize(publicDir);
  expect(size.lazyFiles.length).toBeGreaterThan(0);
  expect(size.lazyFiles.some((file) => /^widget\/lightbox-/.test(file))).toBe(true);
  for (const file of size.lazyFiles) expect(size.initialFiles).not.toContain(file);
  expect(size.lazyGzipBytes).toBeLessThanOrEqual(WIDGET_BUDGETS.lazyGzipBytes);
});

it('floating-ui is not part of the first paint', async () => {
  const { readFileSync } = await import('node:fs');
  const size = measureWidgetSize(publicDir);
  const initial = size.initialFiles.map((file) => readFileSync(`${publicDir}/${file}`, 'utf8')).join('\n');
  const lazy = size.lazyFiles.map((file) => readFileSync(`${publicDir}/${file}`, 'utf8')).join('\n');
  // floating-ui's flip middleware names itself; minifiers keep the string.
  const flipMiddleware = /name:\s*["'`]flip["'`]/;
  expect(lazy).toMatch(flipMiddleware);
  expect(initial).not.toMatch(flipMiddleware);
});

it('the loader is a classic script: no top-level import or export statements', async () => {
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(`${publicDir}/embed.js`, 'utf8');
  expect(source).not.toMatch(/(^|[;}\n])\s*(import\s*[\w{*"']|export\s)/);
});
