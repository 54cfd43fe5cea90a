import { expect, it } from 'vitest';
import { chunkForParameters, MAX_BOUND_PARAMETERS } from './client.ts';

it('chunks bulk writes so no statement binds more than D1 allows', () => {
  const rows = Array.from({ length: 250 }, (_, i) => i);
  const chunks = chunkForParameters(rows, 7, 3);
  expect(chunks.flat()).toEqual(rows);
  for (const chunk of chunks) expect(chunk.length * 7 + 3).toBeLessThanOrEqual(MAX_BOUND_PARAMETERS);
  expect(chunks[0]).toHaveLength(13);
  expect(chunkForParameters(rows, 500, 0).every((c) => c.length === 1)).toBe(true);
});
