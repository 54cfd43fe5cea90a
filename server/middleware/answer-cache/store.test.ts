import { describe, expect, it } from 'vitest';
import { answerStore, type CachedAnswer } from './store.ts';

const answer = (body: string): CachedAnswer => ({ workspaceId: 'ws', version: 1, validUntil: Infinity, etag: '"e"', contentType: 'text/plain', cacheControl: 'no-store', body: new TextEncoder().encode(body) });

describe('answerStore', () => {
  it('evicts the least recently used entry past its entry limit', () => {
    const store = answerStore({ maxEntries: 2, maxBytes: 1000 });
    store.set('a', answer('1'));
    store.set('b', answer('2'));
    store.get('a');
    store.set('c', answer('3'));
    expect([store.get('a')?.body.length, store.get('b'), store.get('c')?.body.length]).toEqual([1, undefined, 1]);
  });

  it('keeps the bytes it holds under its limit, and skips an answer larger than all of it', () => {
    const store = answerStore({ maxEntries: 100, maxBytes: 30 });
    for (let i = 0; i < 10; i++) store.set(`k${i}`, answer('x'.repeat(8)));
    expect(store.bytes).toBeLessThanOrEqual(30);
    expect(store.size).toBe(3);
    store.set('big', answer('x'.repeat(31)));
    expect(store.get('big')).toBeUndefined();
  });

  it('replaces an entry without counting it twice', () => {
    const store = answerStore({ maxEntries: 10, maxBytes: 100 });
    store.set('a', answer('12345'));
    store.set('a', answer('123'));
    expect([store.size, store.bytes]).toEqual([1, 4]);
  });
});
