import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { diskMediaStore } from './disk.ts';
import { isMediaKey } from './store.ts';

it('accepts only keys Vitrine makes', () => {
  expect(isMediaKey('m/med_1/display-320.webp')).toBe(true);
  for (const bad of ['../secret.key', 'm/../../etc/passwd.jpg', '/abs/x.webp', 'm//x.webp', 'm/x.svg', 'm/x.webp\0.jpg', 'm/%2e%2e/x.webp']) {
    expect(isMediaKey(bad), bad).toBe(false);
  }
});

it('stores, reads back and deletes on disk', async () => {
  const store = diskMediaStore(mkdtempSync(join(tmpdir(), 'vitrine-store-')));
  await store.put('m/med_1/display-320.webp', new Uint8Array([1, 2, 3]), 'image/webp');
  const object = await store.get('m/med_1/display-320.webp');
  expect(object).toMatchObject({ size: 3, contentType: 'image/webp' });
  expect(new Uint8Array(await new Response(object!.body).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  await store.delete('m/med_1/display-320.webp');
  expect(await store.get('m/med_1/display-320.webp')).toBeNull();
  await expect(store.put('../escape.webp', new Uint8Array([1]), 'image/webp')).rejects.toThrow(/invalid media key/);
});
