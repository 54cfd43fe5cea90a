import { expect, it } from 'vitest';
import { isWellFormedText } from '../../shared/text.ts';
import { containsPattern, MAX_LIKE_PATTERN_BYTES } from './contains-pattern.ts';

const bytes = (s: string) => new TextEncoder().encode(s).length;

it('escapes the wildcards and lowercases', () => {
  expect(containsPattern('50%_Off\\')).toBe('%50\\%\\_off\\\\%');
});

it('cuts a long term by UTF-8 bytes, between code points, never splitting an escape', () => {
  for (const term of ['😀'.repeat(3000), 'é'.repeat(100), 'a'.repeat(100), '%'.repeat(100), `a${'😀'.repeat(30)}`, 'שלום עולם '.repeat(10)]) {
    const pattern = containsPattern(term);
    expect(bytes(pattern), term.slice(0, 4)).toBeLessThanOrEqual(MAX_LIKE_PATTERN_BYTES);
    expect(bytes(pattern)).toBeGreaterThan(MAX_LIKE_PATTERN_BYTES - 5);
    expect(isWellFormedText(pattern)).toBe(true);
    expect(pattern.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*\\$/);
  }
  expect(containsPattern('😀'.repeat(3000))).toBe(`%${'😀'.repeat(12)}%`);
  expect(containsPattern('%'.repeat(100))).toBe(`%${'\\%'.repeat(24)}%`);
});
