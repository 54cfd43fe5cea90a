import { expect, it } from 'vitest';
import { isPublicHttpsUrl, safeLinkOrNull } from './safe-url.ts';

it('keeps https URLs and site paths, drops everything else', () => {
  expect(safeLinkOrNull('https://www.instagram.com/p/X/')).toBe('https://www.instagram.com/p/X/');
  expect(safeLinkOrNull('/products/LUM-LAMP-01')).toBe('/products/LUM-LAMP-01');
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'http://shop.example/', '//evil.example/x', '/\\evil.example', 'not a url', '', null]) {
    expect(safeLinkOrNull(bad), String(bad)).toBeNull();
  }
});

it('lets imports download only from public https hosts', () => {
  for (const ok of ['https://images.example.com/a.jpg', 'https://8.8.8.8/x.jpg', 'https://[2001:db8::1]/x.jpg']) expect(isPublicHttpsUrl(ok), ok).toBe(true);
  for (const bad of ['http://images.example.com/a.jpg', 'https://localhost/x', 'https://127.0.0.1/x', 'https://10.1.2.3/x', 'https://192.168.0.1/x', 'https://172.20.0.1/x', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://[fd00::1]/x', 'https://user:pw@example.com/x', 'https://intranet/x', 'file:///etc/passwd', 'not a url']) {
    expect(isPublicHttpsUrl(bad), bad).toBe(false);
  }
});
