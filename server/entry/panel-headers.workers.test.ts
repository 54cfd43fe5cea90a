import { SELF } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { PANEL_SECURITY_HEADERS } from '../http/panel-headers.ts';

// On Workers the panel is served by [assets] with the `_headers` the build writes; this checks
// the deployed entry sends the same security headers as Node (entry/node-static.test.ts).
it("the panel's pages carry its security headers on Workers", async () => {
  for (const path of ['/panel/', '/panel/index.html', '/panel/galleries/gal_1']) {
    const res = await SELF.fetch(`https://vitrine.example${path}`);
    expect(res.status, path).toBe(200);
    expect(await res.text()).toContain('<div id="app">');
    for (const [name, value] of Object.entries(PANEL_SECURITY_HEADERS)) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
  }
});
