import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor.ts';

describe('post cursors', () => {
  it('round-trip a position', () => {
    const cursor = { publishedAt: 1_795_858_915_613, id: 'post_demo02' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(encodeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each(['', '!!!', 'aGVsbG8', btoa('12:').replace(/=+$/, ''), btoa('x:post_1'), btoa("1:post' or 1=1")])(
    'reject %j',
    (value) => {
      expect(() => decodeCursor(value)).toThrow(InvalidCursorError);
    },
  );
});
