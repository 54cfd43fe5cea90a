import { describe, expect, it } from 'vitest';
import { cutText, isWellFormedText, safeText, shortenText } from './text.ts';

const FAMILY = '👨‍👩‍👧‍👦';
const FLAG_FR = '🇫🇷';
const E_ACUTE = 'e\u0301';

describe('safeText', () => {
  it('replaces lone surrogates and NUL with U+FFFD and keeps pairs', () => {
    expect(safeText('a\ud83db')).toBe('a\ufffdb');
    expect(safeText('\ude00x')).toBe('\ufffdx');
    expect(safeText('x\ud83d')).toBe('x\ufffd');
    expect(safeText('\ude00\ud83d')).toBe('\ufffd\ufffd');
    expect(safeText('a\0b')).toBe('a\ufffdb');
    expect(safeText(`😀${FAMILY}${FLAG_FR}`)).toBe(`😀${FAMILY}${FLAG_FR}`);
    expect(safeText('\ud83d\ud83d\ude00')).toBe('\ufffd😀');
  });

  it('tells well-formed text from the rest', () => {
    expect(isWellFormedText('שלום 😀 مرحبا')).toBe(true);
    expect(isWellFormedText('\ud800')).toBe(false);
    expect(isWellFormedText('a\0')).toBe(false);
  });
});

describe('cutText', () => {
  it('never cuts inside a surrogate pair, a ZWJ sequence, a flag or a combining sequence', () => {
    const emoji = '😀'.repeat(3000);
    for (const max of [0, 1, 2, 3, 298, 299, 300]) {
      const cut = cutText(emoji, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.length).toBe(max - (max % 2));
      expect(isWellFormedText(cut)).toBe(true);
    }
    expect(cutText(FAMILY.repeat(3), FAMILY.length * 2 + 3)).toBe(FAMILY.repeat(2));
    expect(cutText(FLAG_FR.repeat(3), 6)).toBe(FLAG_FR);
    expect(cutText(E_ACUTE.repeat(3), 5)).toBe(E_ACUTE.repeat(2));
  });

  it('falls back to code points inside one grapheme longer than the limit', () => {
    const zalgo = `e${'\u0301'.repeat(5000)}`;
    expect(cutText(zalgo, 10)).toBe(zalgo.slice(0, 10));
    const longZwj = Array.from({ length: 200 }, () => '👩').join('\u200d');
    const cut = cutText(longZwj, 101);
    expect(cut.length).toBeLessThanOrEqual(101);
    expect(cut.length).toBeGreaterThan(90);
    expect(isWellFormedText(cut)).toBe(true);
  });

  it('returns short text as is', () => {
    expect(cutText('abc', 3)).toBe('abc');
    expect(shortenText('abc', 3)).toBe('abc');
  });

  it('shortens with an ellipsis within the limit', () => {
    const short = shortenText('😀'.repeat(3000), 300);
    expect(short.length).toBeLessThanOrEqual(300);
    expect(short.endsWith('😀…')).toBe(true);
  });
});
