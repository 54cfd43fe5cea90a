import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DEV_MAILBOX_PATH, devMailbox } from './dev-mailbox.ts';

describe('the demo mailbox', () => {
  it('keeps mail instead of sending it and shows it as text, with its links clickable', async () => {
    const box = devMailbox(() => 1_800_000_000_000);
    await box.sender.send({ to: 'a@example.com', subject: 'Confirm <b>now</b>', text: 'Hi <img src=x onerror=alert(1)>\nhttps://vitrine.test/c/demo/confirm/abc_DEF-1', html: '<p>ignored</p>', kind: 'submission_confirm' });
    const app = new Hono().use(box.page).get('*', (c) => c.text('next'));
    const res = await app.request(`http://localhost:8787${DEV_MAILBOX_PATH}`, { headers: { host: 'localhost:8787' } });
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(html).toContain('Confirm &lt;b&gt;now&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<a href="https://vitrine.test/c/demo/confirm/abc_DEF-1">');
    expect(await (await app.request('http://x/other')).text()).toBe('next');
    expect(box.messages()).toHaveLength(1);
  });

  it('answers only a loopback Host (a rebound DNS name gets a 404)', async () => {
    const box = devMailbox(() => 1_800_000_000_000);
    await box.sender.send({ to: 'a@example.com', subject: 'Secret', text: 'https://vitrine.test/c/demo/entry/secret', html: '', kind: 'submission_confirm' });
    const app = new Hono().use(box.page).get('*', (c) => c.text('next'));
    const get = (host?: string) => app.request(`http://127.0.0.1:8787${DEV_MAILBOX_PATH}`, { headers: host === undefined ? {} : { host } });
    for (const host of ['localhost', 'localhost:8787', '127.0.0.1:8787', '[::1]:8787', 'LOCALHOST:1']) expect((await get(host)).status, host).toBe(200);
    for (const host of ['evil.example:8787', 'evil.example', 'localhost.evil.example', '127.0.0.1.nip.io:8787', '127.0.0.2:8787', 'localhost:8787@evil', '']) {
      const res = await get(host);
      expect(res.status, host).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
  });
});
