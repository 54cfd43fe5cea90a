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

it('the loader is a classic script: no top-level import or export statements', async () => {
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(`${publicDir}/embed.js`, 'utf8');
  expect(source).not.toMatch(/(^|[;}\n])\s*(import\s*[\w{*"']|export\s)/);
});
