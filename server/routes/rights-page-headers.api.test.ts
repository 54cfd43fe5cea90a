import { createHarness } from '#harness';
import { beforeAll, expect, it } from 'vitest';
import { admin, signIn } from '../dev/testing/admin-client.ts';
import { request, type Harness } from '../dev/testing/harness.ts';

let h: Harness;
let link: string;
beforeAll(async () => {
  h = await createHarness();
  const owner = await signIn(h);
  const res = await admin(h, owner, 'POST', '/rights/requests', { postIds: ['post_norights'], language: 'en' });
  link = new URL(((await res.json()) as { requests: { link: string }[] }).requests[0]!.link).pathname;
});

// The rights page's link is a credential and its forms record consent: it must not be framed,
// sniffed, referred from, or run anything but its own nonce'd style. On both runtimes.
it('the rights page and its not-found page send the security headers', async () => {
  for (const path of [link, '/r/req_nope.AAAAAAAAAAAAAAAAAAAAAA']) {
    const res = await request(h, path);
    expect([200, 404], path).toContain(res.status);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
  }
});
