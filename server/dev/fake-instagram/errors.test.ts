import { describe, expect, it } from 'vitest';
import { THROTTLE_CODES } from './index.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.ts';
import { BASE, makeFake } from './testkit.ts';

const ERROR_KEYS = ['message', 'type', 'code', 'is_transient', 'fbtrace_id'];

describe('access tokens', () => {
  it('accepts the token as a query parameter or a Bearer header', async () => {
    const { fake } = makeFake();
    const url = `${BASE}/v21.0/${fake.account.igUserId}?fields=id`;
    expect((await fake.fetch(new Request(`${url}&access_token=${fake.account.accessToken}`))).status).toBe(200);
    expect((await fake.fetch(new Request(url, { headers: { Authorization: `Bearer ${fake.account.accessToken}` } }))).status).toBe(200);
  });

  it('answers a missing token with 104 and a wrong one with 190, in the Graph error shape', async () => {
    const { fake, get } = makeFake();
    const missing = await fake.fetch(new Request(`${BASE}/v21.0/${fake.account.igUserId}`));
    const body = (await missing.json()) as { error: Record<string, unknown> };
    expect(missing.status).toBe(400);
    expect(Object.keys(body.error)).toEqual(expect.arrayContaining(ERROR_KEYS));
    expect(body.error).toMatchObject({ type: 'OAuthException', code: 104 });
    const wrong = await get(`/${fake.account.igUserId}`, { access_token: 'EAAnotatoken' });
    expect(wrong.body.error).toMatchObject({ type: 'OAuthException', code: 190, is_transient: false });
    expect(wrong.res.headers.get('WWW-Authenticate')).toContain('invalid_token');
  });

  it('expires: every call then fails with 190/463 "Session has expired on …"', async () => {
    const { fake, get, clock } = makeFake();
    fake.expireToken();
    clock.advance(HOUR_MS);
    const res = await get(`/${fake.account.igUserId}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'OAuthException', code: 190, error_subcode: 463 });
    expect(res.body.error.message).toMatch(/^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\. The current time is /);
    expect((await get('/ig_hashtag_search', { user_id: fake.account.igUserId, q: 'x' })).body.error.error_subcode).toBe(463);
    const renewed = fake.renewToken();
    expect((await get(`/${fake.account.igUserId}`, { access_token: renewed })).status).toBe(200);
  });

  it('lasts 60 days on its own', async () => {
    const { fake, get, clock } = makeFake();
    clock.advance(60 * DAY_MS - 1);
    expect((await get(`/${fake.account.igUserId}`)).status).toBe(200);
    clock.advance(1);
    expect((await get(`/${fake.account.igUserId}`)).body.error.error_subcode).toBe(463);
  });

  it('revokes with 190/460 (password changed) or 190/458 (app removed)', async () => {
    const a = makeFake();
    a.fake.revokeToken();
    expect((await a.get(`/${a.fake.account.igUserId}`)).body.error).toMatchObject({ code: 190, error_subcode: 460 });
    const b = makeFake();
    b.fake.revokeToken('app-removed');
    expect((await b.get(`/${b.fake.account.igUserId}`)).body.error).toMatchObject({ code: 190, error_subcode: 458 });
  });
});

describe('throttling and usage headers', () => {
  it('carries X-App-Usage on every call and X-Business-Use-Case-Usage on Instagram business calls, rising with calls', async () => {
    const { fake, get } = makeFake();
    const first = await get(`/${fake.account.igUserId}/tags`);
    const usage = JSON.parse(first.res.headers.get('X-Business-Use-Case-Usage')!);
    expect(usage[fake.account.igUserId][0]).toEqual({ type: 'instagram', call_count: 1, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 });
    expect(JSON.parse(first.res.headers.get('X-App-Usage')!)).toEqual({ call_count: 0, total_cputime: 0, total_time: 0 });
    let last = first;
    for (let i = 0; i < 5; i++) last = await get('/ig_hashtag_search', { user_id: fake.account.igUserId, q: 'lamp' });
    // 5 of 200 platform calls per hour.
    expect(JSON.parse(last.res.headers.get('X-App-Usage')!).call_count).toBe(3);
    expect(last.res.headers.get('X-Business-Use-Case-Usage')).toBeNull();
  });

  it('throttles Hashtag Search organically at 200 calls per hour (code 4), then recovers', async () => {
    const { fake, get, clock } = makeFake();
    for (let i = 0; i < 200; i++) expect((await get('/ig_hashtag_search', { user_id: fake.account.igUserId, q: 'lamp' })).status).toBe(200);
    const refused = await get('/ig_hashtag_search', { user_id: fake.account.igUserId, q: 'lamp' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 4, is_transient: true, message: '(#4) Application request limit reached' });
    expect(JSON.parse(refused.res.headers.get('X-App-Usage')!).call_count).toBe(100);
    clock.advance(HOUR_MS);
    expect((await get('/ig_hashtag_search', { user_id: fake.account.igUserId, q: 'lamp' })).status).toBe(200);
  });

  it.each(THROTTLE_CODES)('throttles with code %i and the matching usage header', async (code) => {
    const { fake, get, clock } = makeFake();
    fake.throttle({ code, forMs: 30 * MINUTE_MS });
    const res = await get(`/${fake.account.igUserId}/tags`);
    expect([400, 403]).toContain(res.status);
    expect(res.body.error).toMatchObject({ code, type: 'OAuthException', is_transient: true, fbtrace_id: expect.any(String) });
    if (code === 4) expect(JSON.parse(res.res.headers.get('X-App-Usage')!).call_count).toBe(100);
    if (code === 17 || code === 80002) {
      const buc = JSON.parse(res.res.headers.get('X-Business-Use-Case-Usage')!)[fake.account.igUserId][0];
      expect(buc).toMatchObject({ type: 'instagram', call_count: 100, estimated_time_to_regain_access: 30 });
    }
    if (code === 32) expect(JSON.parse(res.res.headers.get('X-Page-Usage')!).call_count).toBe(100);
    if (code === 80002) expect(res.body.error.message).toContain('There have been too many calls to this Instagram account');
    clock.advance(30 * MINUTE_MS);
    expect((await get(`/${fake.account.igUserId}/tags`)).status).toBe(200);
  });

  it('lifts a throttle after a number of calls', async () => {
    const { fake, get } = makeFake();
    fake.throttle({ code: 80002, calls: 2 });
    expect((await get(`/${fake.account.igUserId}`)).body.error.code).toBe(80002);
    expect((await get(`/${fake.account.igUserId}`)).body.error.code).toBe(80002);
    expect((await get(`/${fake.account.igUserId}`)).status).toBe(200);
  });

  it('fails the next calls with codes 1, 2 and 10 on request', async () => {
    const { fake, get } = makeFake();
    fake.failNext(1, 'unknown');
    fake.failNext(1, 'service');
    fake.failNext(1, 'permission');
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await get(`/${fake.account.igUserId}`)).body.error?.code);
    expect(codes).toEqual([1, 2, 10, undefined]);
  });
});

describe('request handling', () => {
  it('answers unknown paths, other versions and bad fields syntax like the Graph', async () => {
    const { fake, get } = makeFake();
    expect((await get(`/${fake.account.igUserId}/nonsense`)).body.error.code).toBe(2500);
    const v = await fake.fetch(new Request(`${BASE}/v2.0/${fake.account.igUserId}?access_token=${fake.account.accessToken}`));
    expect(((await v.json()) as { error: { code: number } }).error.code).toBe(2500);
    const syntax = await get(`/${fake.account.igUserId}`, { fields: 'id,children{id' });
    expect(syntax.body.error.message).toMatch(/^Syntax error ".*" at character \d+: id,children\{id$/);
    expect((await get(`/${fake.account.igUserId}`, { fields: 'id,bogus' })).body.error.message).toBe('(#100) Tried accessing nonexisting field (bogus) on node type (ShadowIGUser)');
    expect((await get('/17900000000000000')).body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('logs every request with its parameters', async () => {
    const { fake, get, post } = makeFake();
    await get('/ig_hashtag_search', { user_id: fake.account.igUserId, q: 'lamp' });
    const media = fake.publish({ mentionsBrand: true });
    await post(`/${fake.account.igUserId}/mentions`, { media_id: media.id, message: 'hi' });
    expect(fake.requests.map((r) => [r.method, r.path, r.params.q ?? r.params.message])).toEqual([
      ['GET', '/v21.0/ig_hashtag_search', 'lamp'],
      ['POST', `/v21.0/${fake.account.igUserId}/mentions`, 'hi'],
    ]);
  });
});
