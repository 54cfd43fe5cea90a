import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor.ts';

describe('cursors', () => {
  it('round-trip a keyset position and an offset', () => {
    const key = { kind: 'key', at: 1_795_858_915_613, id: 'post_demo02' } as const;
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(decodeCursor(encodeCursor({ kind: 'offset', offset: 48 }))).toEqual({ kind: 'offset', offset: 48 });
    expect(encodeCursor(key)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each(['', '!!!', 'aGVsbG8', btoa('12:').replace(/=+$/, ''), btoa('x:post_1'), btoa("1:post' or 1=1"), btoa('o:-1'), btoa('o:99999999')])(
    'reject %j',
    (value) => {
      expect(() => decodeCursor(value)).toThrow(InvalidCursorError);
    },
  );
});
