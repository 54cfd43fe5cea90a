import { expect, it } from 'vitest';
import { chunkForParameters, inChunks, MAX_BOUND_PARAMETERS } from './client.ts';

it('chunks bulk writes so no statement binds more than D1 allows', () => {
  const rows = Array.from({ length: 250 }, (_, i) => i);
  const chunks = chunkForParameters(rows, 7, 3);
  expect(chunks.flat()).toEqual(rows);
  for (const chunk of chunks) expect(chunk.length * 7 + 3).toBeLessThanOrEqual(MAX_BOUND_PARAMETERS);
  expect(chunks[0]).toHaveLength(13);
  expect(chunkForParameters(rows, 500, 0).every((c) => c.length === 1)).toBe(true);
});

it('measures what a statement binds besides the ids, so every chunk fits', () => {
  const ids = Array.from({ length: 250 }, (_, i) => `id${i}`);
  const built = inChunks(ids, (chunk) => ({ toSQL: () => ({ params: [...chunk, 'fixed-a', 'fixed-b', 'fixed-c'] }) }));
  expect(built.map((q) => q.toSQL().params.length).every((n) => n <= MAX_BOUND_PARAMETERS)).toBe(true);
  expect(built.flatMap((q) => q.toSQL().params.filter((p) => String(p).startsWith('id')))).toEqual(ids);
  expect(inChunks([], () => ({ toSQL: () => ({ params: [] }) }))).toEqual([]);
});
