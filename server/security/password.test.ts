import { expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

it('hashes with a per-user salt at the Workers maximum and verifies only the right password', async () => {
  const a = await hashPassword('correct horse');
  const b = await hashPassword('correct horse');
  expect(a).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  expect(a).not.toBe(b);
  expect(await verifyPassword('correct horse', a)).toBe(true);
  expect(await verifyPassword('correct horse!', a)).toBe(false);
  expect(await verifyPassword('correct horse', 'md5$1$x$y')).toBe(false);
  expect(await verifyPassword('correct horse', a.replace('100000', '200000'))).toBe(false);
});
