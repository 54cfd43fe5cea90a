import { describe, expect, it } from 'vitest';
import { HASHTAG_QUOTA_ERROR } from './index.ts';
import { DAY_MS, HOUR_MS } from './time.ts';
import { makeFake } from './testkit.ts';

describe('ig_hashtag_search', () => {
  it('answers {data:[{id}]} with a static, global id per name, case-insensitively', async () => {
    const a = makeFake({ seed: 1 });
    const b = makeFake({ seed: 99 });
    const one = await a.get('/ig_hashtag_search', { user_id: a.fake.account.igUserId, q: 'YesLumen' });
    const two = await b.get('/ig_hashtag_search', { user_id: b.fake.account.igUserId, q: 'yeslumen' });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ data: [{ id: expect.stringMatching(/^17843\d{12}$/) }] });
    expect(two.body.data[0].id).toBe(one.body.data[0].id);
    const node = await a.get(`/${one.body.data[0].id}`, { fields: 'id,name' });
    expect(node.body).toEqual({ id: one.body.data[0].id, name: 'yeslumen' });
  });

  it('requires user_id and q, and refuses emojis and sensitive tags', async () => {
    const { fake, get } = makeFake();
    expect((await get('/ig_hashtag_search', { q: 'coke' })).body.error).toMatchObject({ code: 100, message: '(#100) The parameter user_id is required' });
    expect((await get('/ig_hashtag_search', { user_id: fake.account.igUserId })).body.error.code).toBe(100);
    expect((await get('/ig_hashtag_search', { user_id: '17841400000000000', q: 'coke' })).body.error.code).toBe(110);
    const emoji = await get('/ig_hashtag_search', { user_id: fake.account.igUserId, q: '🍋' });
    expect(emoji.status).toBe(400);
    expect(emoji.body.error).toMatchObject({ type: 'OAuthException', code: 100 });
    expect((await get('/ig_hashtag_search', { user_id: fake.account.igUserId, q: 'nsfw' })).body.error.code).toBe(100);
  });

  it('allows 30 unique hashtags per rolling 7 days; re-querying is free and keeps the first timer', async () => {
    const { fake, get, clock } = makeFake();
    const search = (q: string) => get('/ig_hashtag_search', { user_id: fake.account.igUserId, q });
    for (let i = 0; i < 30; i++) {
      expect((await search(`tag${i}`)).status).toBe(200);
      if (i === 0) clock.advance(DAY_MS); // tag0 is the oldest by a day
    }
    const refused = await search('tag30');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ type: 'OAuthException', code: HASHTAG_QUOTA_ERROR.code, error_subcode: HASHTAG_QUOTA_ERROR.subcode, is_transient: false });
    expect((await search('tag5')).status).toBe(200); // known tag: free

    // 7 days after tag0's first query (re-queried meanwhile, which must not reset it), its slot frees.
    clock.advance(5 * DAY_MS);
    expect((await search('tag0')).status).toBe(200);
    expect((await search('tag30')).status).toBe(400);
    clock.advance(DAY_MS);
    expect((await search('tag30')).status).toBe(200);
    expect((await search('tag31')).status).toBe(400);
    // The other 29 expire a day later: everything rolls.
    clock.advance(DAY_MS);
    expect((await search('tag31')).status).toBe(200);
  });

  it('lists recently searched hashtags (25 by default, up to 30)', async () => {
    const { fake, get } = makeFake();
    for (let i = 0; i < 28; i++) await get('/ig_hashtag_search', { user_id: fake.account.igUserId, q: `t${i}` });
    const first = await get(`/${fake.account.igUserId}/recently_searched_hashtags`);
    expect(first.body.data).toHaveLength(25);
    expect(first.body.data[0]).toEqual({ id: expect.any(String) });
    expect((await get(`/${fake.account.igUserId}/recently_searched_hashtags`, { limit: '50' })).body.data).toHaveLength(28);
  });
});

describe('recent_media and top_media', () => {
  async function setUp(count = 60) {
    const kit = makeFake();
    kit.fake.generate(count, { hashtag: 'YesLumen', spreadMs: 20 * HOUR_MS });
    const search = await kit.get('/ig_hashtag_search', { user_id: kit.fake.account.igUserId, q: 'yeslumen' });
    return { ...kit, hashtagId: search.body.data[0].id as string };
  }

  it('requires user_id and refuses username, as the real edges do', async () => {
    const { fake, get, hashtagId } = await setUp(3);
    expect((await get(`/${hashtagId}/recent_media`)).body.error).toMatchObject({ code: 100 });
    const refused = await get(`/${hashtagId}/recent_media`, { user_id: fake.account.igUserId, fields: 'id,username' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100, message: expect.stringContaining('(username)') });
    expect((await get(`/${hashtagId}/top_media`, { user_id: fake.account.igUserId, fields: 'username' })).status).toBe(400);
  });

  it('returns ids only without fields', async () => {
    const { fake, get, hashtagId } = await setUp(3);
    const page = await get(`/${hashtagId}/recent_media`, { user_id: fake.account.igUserId });
    for (const item of page.body.data) expect(Object.keys(item)).toEqual(['id']);
  });

  it('only returns media published within 24 hours of the query', async () => {
    const { fake, get, hashtagId, clock } = await setUp(0);
    const old = fake.publish({ hashtags: ['yeslumen'], timestamp: clock.now() - 25 * HOUR_MS });
    const fresh = fake.publish({ hashtags: ['YesLumen'], timestamp: clock.now() - 23 * HOUR_MS });
    const recent = await get(`/${hashtagId}/recent_media`, { user_id: fake.account.igUserId });
    expect(recent.body.data.map((m: { id: string }) => m.id)).toEqual([fresh.id]);
    const top = await get(`/${hashtagId}/top_media`, { user_id: fake.account.igUserId });
    expect(top.body.data.map((m: { id: string }) => m.id).sort()).toEqual([old.id, fresh.id].sort());
    clock.advance(2 * HOUR_MS);
    expect((await get(`/${hashtagId}/recent_media`, { user_id: fake.account.igUserId })).body.data).toEqual([]);
  });

  it('pages with a constant after cursor while the next link advances, not chronologically', async () => {
    const { fake, get, hashtagId } = await setUp(60);
    const seen: string[] = [];
    const cursors = new Set<string>();
    let page = await get(`/${hashtagId}/recent_media`, { user_id: fake.account.igUserId, fields: 'id,timestamp', limit: '25' });
    const firstPage = page.body;
    for (;;) {
      seen.push(...page.body.data.map((m: { id: string }) => m.id));
      cursors.add(page.body.paging.cursors.after);
      expect(page.body.paging.cursors.before).toBeUndefined();
      expect(page.body.paging.previous).toBeUndefined();
      if (!page.body.paging.next) break;
      page = await get(page.body.paging.next);
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(cursors.size).toBe(1);
    const times = firstPage.data.map((m: { timestamp: string }) => m.timestamp);
    expect(times).not.toEqual([...times].sort().reverse());

    // Re-using the constant cursor gets the second page, every time: only `next` walks the result.
    const constant = [...cursors][0]!;
    const again1 = await get(`/${hashtagId}/recent_media`, { user_id: fake.account.igUserId, limit: '25', after: constant });
    const again2 = await get(`/${hashtagId}/recent_media`, { user_id: fake.account.igUserId, limit: '25', after: constant });
    expect(again1.body.data).toEqual(again2.body.data);
    expect(again1.body.data.map((m: { id: string }) => m.id)).toEqual(seen.slice(25, 50));
  });

  it('caps limit at 50', async () => {
    const { fake, get, hashtagId } = await setUp(60);
    expect((await get(`/${hashtagId}/recent_media`, { user_id: fake.account.igUserId, limit: '100' })).body.data).toHaveLength(50);
  });

  it('omits media_url on album parents, returns it on children, omits hidden likes and @ signs', async () => {
    const { fake, get, hashtagId } = await setUp(0);
    const album = fake.publish({ mediaType: 'CAROUSEL_ALBUM', children: ['IMAGE', 'VIDEO'], hashtags: ['yeslumen'], mentionsBrand: true, hideLikes: true });
    const page = await get(`/${hashtagId}/recent_media`, {
      user_id: fake.account.igUserId,
      fields: 'id,caption,media_type,media_url,like_count,comments_count,permalink,timestamp,children{id,media_type,media_url,permalink}',
    });
    const [item] = page.body.data;
    expect(item.id).toBe(album.id);
    expect(item.media_type).toBe('CAROUSEL_ALBUM');
    expect(item).not.toHaveProperty('media_url');
    expect(item).not.toHaveProperty('like_count');
    expect(item.caption).toContain(' maisonlumen');
    expect(item.caption).not.toContain('@');
    expect(item.permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\/[\w-]{11}\/$/);
    expect(item.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    expect(item.children.data).toHaveLength(2);
    for (const child of item.children.data) {
      expect(child.media_url).toMatch(/^http:\/\/fake-instagram\.test\/cdn\/.+oe=[0-9A-F]+$/);
      expect(child).not.toHaveProperty('permalink');
    }
    expect(item.children.data[1].media_url).toContain('.mp4?');
  });

  it('ranks top_media by interaction', async () => {
    const { fake, get, hashtagId } = await setUp(0);
    const quiet = fake.publish({ hashtags: ['yeslumen'], likeCount: 3, commentsCount: 0 });
    const loud = fake.publish({ hashtags: ['yeslumen'], likeCount: 800, commentsCount: 40 });
    const top = await get(`/${hashtagId}/top_media`, { user_id: fake.account.igUserId });
    expect(top.body.data.map((m: { id: string }) => m.id)).toEqual([loud.id, quiet.id]);
  });
});
