import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Every file vitest runs (vitest.config.ts: server/, shared/ and bench/). */
const testFiles = ['server', 'shared', 'bench'].flatMap((dir) =>
  readdirSync(`${root}${dir}`, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `${dir}/${file}`),
);

/**
 * What would outlive its file: both vitest projects run their files in turn in shared workers
 * (vitest.config.ts, `isolate: false`), so a mocked module, a stubbed global or environment
 * variable, or fake timers would still be in place for whichever file runs next.
 */
const LEAKING = /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(/;

describe('test files sharing workers', () => {
  it('are found', () => expect(testFiles.length).toBeGreaterThan(100));

  it('leave nothing behind for the next file', () => {
    const leaking = testFiles.filter((file) => LEAKING.test(readFileSync(`${root}${file}`, 'utf8')));
    expect(leaking).toEqual([]);
  });
});
