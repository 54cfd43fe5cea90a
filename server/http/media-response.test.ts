import { Hono } from 'hono';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskMediaStore } from '../media/disk.ts';
import type { AppEnv } from './env.ts';
import { mediaResponse } from './media-response.ts';

const KEY = 'm/med_1/video.mp4';
const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);

async function app() {
  const media = diskMediaStore(mkdtempSync(join(tmpdir(), 'vitrine-range-')));
  await media.put(KEY, bytes, 'video/mp4');
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('media', media);
      await next();
    })
    .get('/file/:name', (c) => mediaResponse(c, c.req.param('name') === 'video' ? KEY : 'm/none/x.mp4', { 'Cache-Control': 'private, max-age=60' }))
    .onError((error, c) => c.text(error.message, 404));
}

describe('media answers to Range requests (how Safari plays video)', () => {
  it('serves the whole file, saying ranges are accepted', async () => {
    const res = await (await app()).request('/file/video');
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe('1000');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it('answers 206 with exactly the bytes asked for', async () => {
    const server = await app();
    const probe = await server.request('/file/video', { headers: { Range: 'bytes=0-1' } });
    expect(probe.status).toBe(206);
    expect(probe.headers.get('content-range')).toBe('bytes 0-1/1000');
    expect(probe.headers.get('content-type')).toBe('video/mp4');
    expect(probe.headers.get('cache-control')).toBe('private, max-age=60');
    expect([...new Uint8Array(await probe.arrayBuffer())]).toEqual([0, 1]);

    const tail = await server.request('/file/video', { headers: { Range: 'bytes=-100' } });
    expect([tail.status, tail.headers.get('content-range'), tail.headers.get('content-length')]).toEqual([206, 'bytes 900-999/1000', '100']);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(bytes.subarray(900));
  });

  it('answers 416 past the end, and 404 for a missing file with or without a range', async () => {
    const server = await app();
    const past = await server.request('/file/video', { headers: { Range: 'bytes=1000-' } });
    expect([past.status, past.headers.get('content-range')]).toEqual([416, 'bytes */1000']);
    expect((await server.request('/file/none', { headers: { Range: 'bytes=0-1' } })).status).toBe(404);
    expect((await server.request('/file/none')).status).toBe(404);
  });
});
