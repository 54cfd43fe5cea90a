import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CDN_TTL_MS } from './index.ts';
import { sharpRenderImage } from './images.ts';
import { makeFake } from './testkit.ts';

async function mediaUrlOf(kit: ReturnType<typeof makeFake>, id: string, field = 'media_url'): Promise<string> {
  return (await kit.get(`/${id}`, { fields: field })).body[field];
}

describe('CDN', () => {
  it('serves JPEGs of at least 640 px in Instagram ratios, rendered by sharp', async () => {
    const kit = makeFake({ renderImage: sharpRenderImage });
    for (const [aspect, ratio] of [['square', 1], ['portrait', 0.8], ['landscape', 1.91]] as const) {
      const media = kit.fake.publish({ own: true, aspect });
      const res = await kit.fake.fetch(new Request(await mediaUrlOf(kit, media.id)));
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('image/jpeg');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.width).toBeGreaterThanOrEqual(640);
      expect(meta.width! / meta.height!).toBeCloseTo(ratio, 1);
    }
  });

  it('answers 403 "URL signature expired" after the TTL; a fresh read gives a working URL', async () => {
    const kit = makeFake();
    const media = kit.fake.publish({ own: true });
    const url = await mediaUrlOf(kit, media.id);
    const oe = Number.parseInt(new URL(url).searchParams.get('oe')!, 16);
    expect(oe * 1000).toBe(Math.floor((kit.clock.now() + DEFAULT_CDN_TTL_MS) / 1000) * 1000);
    kit.clock.advance(DEFAULT_CDN_TTL_MS - 1000);
    expect((await kit.fake.fetch(new Request(url))).status).toBe(200);
    kit.clock.advance(1000);
    const expired = await kit.fake.fetch(new Request(url));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toBe('URL signature expired');
    expect((await kit.fake.fetch(new Request(await mediaUrlOf(kit, media.id)))).status).toBe(200);
  });

  it('answers 403 "Bad URL hash" when oe or the path is tampered with', async () => {
    const kit = makeFake();
    const media = kit.fake.publish({ own: true });
    const url = new URL(await mediaUrlOf(kit, media.id));
    const later = new URL(url);
    later.searchParams.set('oe', (Number.parseInt(url.searchParams.get('oe')!, 16) + 86400).toString(16).toUpperCase());
    const res = await kit.fake.fetch(new Request(later));
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('Bad URL hash');
    const other = kit.fake.publish({ own: true });
    const swapped = new URL(url);
    swapped.pathname = url.pathname.replace(media.id, other.id);
    expect((await kit.fake.fetch(new Request(swapped))).status).toBe(403);
  });

  it('stops serving deleted media', async () => {
    const kit = makeFake();
    const media = kit.fake.publish({ own: true });
    const url = await mediaUrlOf(kit, media.id);
    kit.fake.deleteMedia(media.id);
    expect((await kit.fake.fetch(new Request(url))).status).toBe(404);
  });

  it('serves an MP4 for video media_url and a JPEG for thumbnail_url', async () => {
    const kit = makeFake();
    const video = kit.fake.publish({ own: true, mediaType: 'VIDEO', aspect: 'portrait' });
    const clip = await kit.fake.fetch(new Request(await mediaUrlOf(kit, video.id)));
    expect(clip.headers.get('Content-Type')).toBe('video/mp4');
    const bytes = new Uint8Array(await clip.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe('ftyp');
    const thumb = await kit.fake.fetch(new Request(await mediaUrlOf(kit, video.id, 'thumbnail_url')));
    expect(thumb.headers.get('Content-Type')).toBe('image/jpeg');
  });
});
