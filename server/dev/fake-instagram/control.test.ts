import { describe, expect, it } from 'vitest';
import { createControlApp } from './control.ts';
import { makeFake } from './testkit.ts';

describe('control endpoints', () => {
  const post = (app: ReturnType<typeof createControlApp>, path: string, body: unknown = {}) =>
    app.fetch(new Request(`http://control.test${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));

  it('publishes, expires the token, throttles and sends webhooks', async () => {
    const received: Request[] = [];
    const kit = makeFake({ deliver: async (r) => (received.push(r), new Response('ok')) });
    const control = createControlApp(kit.fake);
    const state = (await (await control.fetch(new Request('http://control.test/'))).json()) as { account: { igUserId: string } };
    expect(state.account.igUserId).toBe(kit.fake.account.igUserId);

    const media = (await (await post(control, '/publish', { mentionsBrand: true, hashtags: ['YesLumen'] })).json()) as { id: string };
    expect(kit.fake.media(media.id)?.mentionsBrand).toBe(true);

    // Meta delivers nothing before the brand's Page subscribed the app.
    expect(await (await post(control, '/send-webhook', { callbackUrl: 'https://vitrine.test/hooks', mediaId: media.id })).json()).toEqual({ statuses: [] });
    await kit.post(`/${kit.fake.account.pageId}/subscribed_apps`, { subscribed_fields: 'feed' });
    const sent = await post(control, '/send-webhook', { callbackUrl: 'https://vitrine.test/hooks', mediaId: media.id, duplicates: 1 });
    expect(await sent.json()).toEqual({ statuses: [200, 200] });
    expect(received).toHaveLength(2);

    expect((await post(control, '/throttle', { code: 80002, calls: 1 })).status).toBe(200);
    expect((await kit.get(`/${kit.fake.account.igUserId}`)).body.error.code).toBe(80002);
    expect((await post(control, '/throttle', { code: 5 })).status).toBe(400);

    await post(control, '/expire-token');
    expect((await kit.get(`/${kit.fake.account.igUserId}`)).body.error.error_subcode).toBe(463);
  });
});
