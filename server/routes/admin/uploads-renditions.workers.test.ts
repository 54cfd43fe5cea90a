/**
 * A photo uploaded to the Worker, end to end: through the admin route, the Worker's own
 * WebAssembly variant maker and R2, then read back as the panel reads it. A phone JPEG (EXIF GPS
 * and camera, XMP city, turned by its orientation) and a PNG with EXIF chunks each come out as
 * three WebP widths of the picture as shown, with none of that metadata.
 */
import { createHarness } from '#harness';
import { beforeAll, expect, it } from 'vitest';
import { admin, signIn, TEST_ORIGIN, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import { metadataTraces } from '../../dev/testing/image-fixtures.ts';
import { encodedImage, gradient, withFixtureMetadata } from '../../dev/testing/wasm-images.ts';
import { workerCodecs } from '../../entry/worker-codecs.ts';
import { readImageSize } from '../../media/image-size.ts';

let h: Harness;
let owner: AdminSession;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
});

it('makes an uploaded GPS-tagged JPEG and PNG into three upright WebP widths without their metadata', async () => {
  const jpeg = withFixtureMetadata(await encodedImage(workerCodecs, 'jpeg', gradient(900, 1400)), 'jpeg');
  const png = withFixtureMetadata(await encodedImage(workerCodecs, 'png', gradient(1200, 800)), 'png');
  for (const source of [jpeg, png]) expect(metadataTraces(source)).toEqual(['EXIF camera', 'EXIF GPS', 'XMP city']);
  const form = new FormData();
  form.append('images', new Blob([jpeg.slice()], { type: 'image/jpeg' }), 'phone.jpg');
  form.append('images', new Blob([png.slice()], { type: 'image/png' }), 'screen.png');
  form.append('author', 'tomas.b');
  const res = await request(h, '/admin/uploads', { method: 'POST', body: form, headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken, origin: TEST_ORIGIN } });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const detail = (await (await admin(h, owner, 'GET', `/posts/${id}`)).json()) as { media: { width: number; height: number; variants: { url: string; width: number; height: number; format: string }[] }[] };
  // The JPEG is stored 900 × 1400 with orientation 6: shown, and made, 1400 × 900.
  expect(detail.media.map((m) => [m.width, m.height])).toEqual([[1400, 900], [1200, 800]]);
  expect(detail.media.map((m) => m.variants.map((v) => [v.format, v.width, v.height]))).toEqual([
    [['webp', 320, 206], ['webp', 640, 411], ['webp', 1080, 694]],
    [['webp', 320, 213], ['webp', 640, 427], ['webp', 1080, 720]],
  ]);
  for (const variant of detail.media.flatMap((m) => m.variants)) {
    const file = await request(h, new URL(variant.url).pathname, { headers: { cookie: owner.cookie } });
    expect(file.status).toBe(200);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(readImageSize(bytes)).toEqual({ format: 'webp', width: variant.width, height: variant.height });
    expect(metadataTraces(bytes)).toEqual([]);
    // No metadata chunk of any kind, not only the fixture's values.
    expect(Array.from(bytes, (b) => String.fromCharCode(b)).join('')).not.toMatch(/EXIF|XMP |ICCP/);
  }
});
