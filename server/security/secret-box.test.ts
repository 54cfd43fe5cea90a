import { expect, it } from 'vitest';
import { open, seal } from './secret-box.ts';

it('round-trips, never shows the plaintext, and refuses another key or purpose or a tampered box', async () => {
  const box = await seal('app-secret', 'instagram-token', 'EAAG-long-lived-token');
  expect(box).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
  expect(box).not.toContain('EAAG');
  expect(await open('app-secret', 'instagram-token', box)).toBe('EAAG-long-lived-token');
  await expect(open('other-secret', 'instagram-token', box)).rejects.toThrow();
  await expect(open('app-secret', 'webhook-secret', box)).rejects.toThrow();
  // Another character in place of the one before last (whatever it was: the box is random).
  const changed = box.at(-2) === 'A' ? 'B' : 'A';
  const tampered = box.slice(0, -2) + changed + box.slice(-1);
  expect(tampered).not.toBe(box);
  await expect(open('app-secret', 'instagram-token', tampered)).rejects.toThrow();
  expect(await seal('app-secret', 'instagram-token', 'x')).not.toBe(await seal('app-secret', 'instagram-token', 'x'));
});
