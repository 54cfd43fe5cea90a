import { describe, expect, it } from 'vitest';
import { containsPattern, MAX_LIKE_PATTERN_BYTES } from './contains-pattern.ts';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('containsPattern', () => {
  it('folds case and escapes the LIKE wildcards and the escape character', () => {
    expect(containsPattern('Mug')).toBe('%mug%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('cuts a long term to fit D1, on code points, never inside a surrogate pair', () => {
    const emoji = containsPattern('🙂'.repeat(150));
    expect(bytes(emoji)).toBeLessThanOrEqual(MAX_LIKE_PATTERN_BYTES);
    expect(emoji).toBe(`%${'🙂'.repeat(12)}%`);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const ascii = containsPattern('a'.repeat(100));
    expect(bytes(ascii)).toBe(MAX_LIKE_PATTERN_BYTES);
  });

  it('never splits an escape from the character it escapes', () => {
    const pattern = containsPattern(`${'a'.repeat(47)}%x`);
    expect(pattern).toBe(`%${'a'.repeat(47)}%`);
  });
});
