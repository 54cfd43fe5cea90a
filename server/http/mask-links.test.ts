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

it('masks the token of a campaign entrant’s confirm and entry links, keeping the campaign', () => {
  expect(maskRightsLinks('/c/spring-entries/confirm/AbC_d-123456789012345678901234567890123456789')).toBe('/c/spring-entries/confirm/[masked]');
  expect(maskRightsLinks('POST https://shop.example/c/demo/entry/SECRET_token-1?lang=fr failed')).toBe('POST https://shop.example/c/demo/entry/[masked]?lang=fr failed');
  expect(maskRightsLinks('/c/demo')).toBe('/c/demo');
  expect(maskedError(new Error('on /c/demo/confirm/SECRETTOKEN'))).not.toContain('SECRETTOKEN');
});
