import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DEV_MAILBOX_PATH, devMailbox } from './dev-mailbox.ts';

describe('the demo mailbox', () => {
  it('keeps mail instead of sending it and shows it as text, with its links clickable', async () => {
    const box = devMailbox(() => 1_800_000_000_000);
    await box.sender.send({ to: 'a@example.com', subject: 'Confirm <b>now</b>', text: 'Hi <img src=x onerror=alert(1)>\nhttps://vitrine.test/c/demo/confirm/abc_DEF-1', html: '<p>ignored</p>', kind: 'submission_confirm' });
    const app = new Hono().use(box.page).get('*', (c) => c.text('next'));
    const res = await app.request(`http://x${DEV_MAILBOX_PATH}`);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(html).toContain('Confirm &lt;b&gt;now&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<a href="https://vitrine.test/c/demo/confirm/abc_DEF-1">');
    expect(await (await app.request('http://x/other')).text()).toBe('next');
    expect(box.messages()).toHaveLength(1);
  });
});
