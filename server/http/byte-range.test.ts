import { describe, expect, it } from 'vitest';
import { requestedRange } from './byte-range.ts';

describe('requestedRange', () => {
  it('reads a-b, a- and -n, clamping the end to the file', () => {
    expect(requestedRange('bytes=0-1', 100)).toEqual({ offset: 0, length: 2 });
    expect(requestedRange('bytes=10-', 100)).toEqual({ offset: 10, length: 90 });
    expect(requestedRange('bytes=90-500', 100)).toEqual({ offset: 90, length: 10 });
    expect(requestedRange('bytes=-30', 100)).toEqual({ offset: 70, length: 30 });
    expect(requestedRange('bytes=-500', 100)).toEqual({ offset: 0, length: 100 });
  });

  it('refuses a start past the end and an empty suffix', () => {
    expect(requestedRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(requestedRange('bytes=-0', 100)).toBe('unsatisfiable');
  });

  it('ignores what it does not serve, so the whole file answers', () => {
    for (const header of [undefined, '', 'bytes=0-1,5-6', 'items=0-1', 'bytes=-', 'bytes=5-2', 'bytes=a-b']) {
      expect(requestedRange(header, 100), String(header)).toBeNull();
    }
  });
});
