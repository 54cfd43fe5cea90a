/** The R2 store inside workerd: whole files, ranges (video in Safari), and sizes without bytes. */
import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { r2MediaStore } from './r2.ts';

it('reads a range of a stored file and its size without its bytes', async () => {
  const store = r2MediaStore((env as unknown as { MEDIA: Parameters<typeof r2MediaStore>[0] }).MEDIA);
  const bytes = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
  await store.put('m/med_r2/video.mp4', bytes, 'video/mp4');
  expect(await store.head('m/med_r2/video.mp4')).toEqual({ size: 300, contentType: 'video/mp4' });
  const part = await store.get('m/med_r2/video.mp4', { offset: 100, length: 50 });
  expect(part?.size).toBe(300);
  expect(new Uint8Array(await new Response(part!.body).arrayBuffer())).toEqual(bytes.subarray(100, 150));
  expect(await store.head('m/none/video.mp4')).toBeNull();
  await store.delete('m/med_r2/video.mp4');
});
