import { expect, it } from 'vitest';
import { maskedError, maskRightsLinks } from './mask-links.ts';

it('keeps the request id of a rights link and masks its signature, wherever it appears', () => {
  expect(maskRightsLinks('/r/req_Ab3-x.q9Z_kL0pQ2wErTy1uIoP3a/image')).toBe('/r/req_Ab3-x.[masked]/image');
  expect(maskRightsLinks('see https://shop.example/r/req_1.AAAA and /r/req_2.BBBB')).toBe('see https://shop.example/r/req_1.[masked] and /r/req_2.[masked]');
  expect(maskRightsLinks('/admin/rights/requests')).toBe('/admin/rights/requests');
  const error = new Error('failed on /r/req_9.SECRETMAC');
  expect(maskedError(error)).toContain('/r/req_9.[masked]');
  expect(maskedError(error)).not.toContain('SECRETMAC');
  expect(maskedError('plain /r/req_9.SECRETMAC')).toBe('plain /r/req_9.[masked]');
});
