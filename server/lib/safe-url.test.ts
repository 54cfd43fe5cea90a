import { expect, it } from 'vitest';
import { safeLinkOrNull } from './safe-url.ts';

it('keeps https URLs and site paths, drops everything else', () => {
  expect(safeLinkOrNull('https://www.instagram.com/p/X/')).toBe('https://www.instagram.com/p/X/');
  expect(safeLinkOrNull('/products/LUM-LAMP-01')).toBe('/products/LUM-LAMP-01');
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'http://shop.example/', '//evil.example/x', '/\\evil.example', 'not a url', '', null]) {
    expect(safeLinkOrNull(bad), String(bad)).toBeNull();
  }
});
