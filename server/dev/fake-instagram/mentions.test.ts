import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from './time.ts';
import { makeFake } from './testkit.ts';

describe('/{ig-user-id}/tags', () => {
  it('pages with before/after cursors but never next or previous links, and includes username', async () => {
    const { fake, get, clock } = makeFake();
    const tagged = Array.from({ length: 7 }, (_, i) => fake.publish({ author: `fan${i}`, tagsBrand: true, timestamp: clock.now() - i * MINUTE_MS }));
    fake.publish({ author: 'untagged' });
    const me = fake.account.igUserId;
    const seen: string[] = [];
    let page = await get(`/${me}/tags`, { fields: 'id,username,caption,media_type,media_url,timestamp', limit: '3' });
    for (;;) {
      expect(page.body.paging).not.toHaveProperty('next');
      expect(page.body.paging).not.toHaveProperty('previous');
      expect(page.body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
      seen.push(...page.body.data.map((m: { id: string }) => m.id));
      expect(page.body.data[0].username).toMatch(/^fan\d$/);
      if (page.body.data.length < 3) break;
      page = await get(`/${me}/tags`, { fields: 'id,username', limit: '3', after: page.body.paging.cursors.after });
      if (page.body.data.length === 0) break;
    }
    expect(seen).toEqual(tagged.map((m) => m.id));
    const firstPage = await get(`/${me}/tags`, { limit: '3' });
    const newer = await get(`/${me}/tags`, { limit: '3', before: firstPage.body.paging.cursors.before });
    expect(newer.body.data).toEqual([]);
  });

  it('is not disturbed by a deletion between two pages', async () => {
    const { fake, get, clock } = makeFake();
    const tagged = Array.from({ length: 4 }, (_, i) => fake.publish({ tagsBrand: true, timestamp: clock.now() - i * MINUTE_MS }));
    const first = await get(`/${fake.account.igUserId}/tags`, { limit: '2' });
    fake.deleteMedia(tagged[1]!.id);
    const second = await get(`/${fake.account.igUserId}/tags`, { limit: '2', after: first.body.paging.cursors.after });
    expect(second.body.data.map((m: { id: string }) => m.id)).toEqual([tagged[2]!.id, tagged[3]!.id]);
  });
});

describe('mentions', () => {
  it('reads a caption mention through mentioned_media, with username and children', async () => {
    const { fake, get } = makeFake();
    const album = fake.publish({ author: 'nina.makes', caption: 'Love it @maisonlumen #home', mediaType: 'CAROUSEL_ALBUM', children: 3 });
    const res = await get(`/${fake.account.igUserId}`, {
      fields: `mentioned_media.media_id(${album.id}){caption,media_type,media_url,permalink,timestamp,username,owner,children{id,media_type,media_url},comments_count,like_count}`,
    });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(fake.account.igUserId);
    const m = res.body.mentioned_media;
    expect(m).toMatchObject({ caption: 'Love it maisonlumen #home', media_type: 'CAROUSEL_ALBUM', username: 'nina.makes' });
    expect(m).not.toHaveProperty('media_url');
    expect(m).not.toHaveProperty('owner'); // on others' media `owner` yields username instead
    expect(m.children.data).toHaveLength(3);
    expect(m.children.data[0].media_url).toContain('/cdn/');
  });

  it('reads a comment mention through mentioned_comment', async () => {
    const { fake, get } = makeFake();
    const post = fake.publish({ author: 'tomas.b' });
    const comment = fake.comment({ mediaId: post.id, text: '@maisonlumen challenge?', fromUsername: 'yuki.studio' });
    const res = await get(`/${fake.account.igUserId}`, { fields: `mentioned_comment.comment_id(${comment.id}){timestamp,text,id,media{id,media_type}}` });
    expect(res.body).toEqual({
      mentioned_comment: { timestamp: expect.stringMatching(/\+0000$/), text: '@maisonlumen challenge?', id: comment.id, media: { id: post.id, media_type: 'IMAGE' } },
      id: fake.account.igUserId,
    });
  });

  it('refuses media that does not mention the brand, and deleted media, with code 100/33', async () => {
    const { fake, get } = makeFake();
    const plain = fake.publish({ caption: 'no mention here' });
    const mentioned = fake.publish({ mentionsBrand: true });
    fake.deleteMedia(mentioned.id);
    for (const id of [plain.id, mentioned.id]) {
      const res = await get(`/${fake.account.igUserId}`, { fields: `mentioned_media.media_id(${id}){caption}` });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ type: 'GraphMethodException', code: 100, error_subcode: 33 });
      expect(res.body.error.message).toContain(`Object with ID '${id}' does not exist`);
    }
  });

  it('replies to a mention with POST /mentions, and the reply is visible on the media', async () => {
    const { fake, get, post } = makeFake();
    const media = fake.publish({ author: 'clara.home', mentionsBrand: true });
    const reply = await post(`/${fake.account.igUserId}/mentions`, { media_id: media.id, message: 'May we share your photo? Reply #YesLumen' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id: expect.stringMatching(/^\d{17}$/) });
    const read = await get(`/${fake.account.igUserId}`, { fields: `mentioned_media.media_id(${media.id}){comments{id,text,username}}` });
    expect(read.body.mentioned_media.comments.data).toContainEqual({ id: reply.body.id, text: 'May we share your photo? Reply #YesLumen', username: 'maisonlumen' });

    const mentioning = fake.comment({ mediaId: fake.publish({}).id, text: 'look @maisonlumen', fromUsername: 'leo' });
    const threaded = await post(`/${fake.account.igUserId}/mentions`, { media_id: mentioning.mediaId, comment_id: mentioning.id, message: 'Thanks!' });
    expect(threaded.status).toBe(200);
  });

  it('refuses replies where the brand was not mentioned, and requires message', async () => {
    const { fake, post } = makeFake();
    const plain = fake.publish({});
    expect((await post(`/${fake.account.igUserId}/mentions`, { media_id: plain.id, message: 'hi' })).body.error.code).toBe(100);
    const mentioned = fake.publish({ mentionsBrand: true });
    expect((await post(`/${fake.account.igUserId}/mentions`, { media_id: mentioned.id })).body.error.message).toContain('message');
  });
});

describe('own media', () => {
  it('pages /{ig-user-id}/media with cursors and next/previous links', async () => {
    const { fake, get, clock } = makeFake();
    const own = Array.from({ length: 5 }, (_, i) => fake.publish({ own: true, caption: `ours @someone ${i}`, timestamp: clock.now() - i * MINUTE_MS }));
    fake.publish({ author: 'someone.else' });
    const first = await get(`/${fake.account.igUserId}/media`, { fields: 'id,caption,username,owner,like_count', limit: '2' });
    expect(first.body.data[0]).toEqual({ id: own[0]!.id, caption: 'ours @someone 0', username: 'maisonlumen', owner: { id: fake.account.igUserId }, like_count: expect.any(Number) });
    expect(first.body.paging.previous).toBeUndefined();
    const second = await get(first.body.paging.next);
    expect(second.body.data.map((m: { id: string }) => m.id)).toEqual([own[2]!.id, own[3]!.id]);
    expect(second.body.paging.previous).toContain('before=');
    const third = await get(second.body.paging.next);
    expect(third.body.data).toHaveLength(1);
    expect(third.body.paging.next).toBeUndefined();
  });

  it('reads own media and its children by id, but not other people\'s media', async () => {
    const { fake, get } = makeFake();
    const album = fake.publish({ own: true, mediaType: 'CAROUSEL_ALBUM', children: 2 });
    const video = fake.publish({ own: true, mediaType: 'VIDEO' });
    const node = await get(`/${album.id}`, { fields: 'id,media_type,media_url,timestamp,permalink' });
    expect(node.body).toEqual({ id: album.id, media_type: 'CAROUSEL_ALBUM', timestamp: expect.any(String), permalink: expect.any(String) });
    const children = await get(`/${album.id}/children`);
    expect(children.body).toEqual({ data: album.children.map((c) => ({ id: c.id })) });
    const child = await get(`/${album.children[0]!.id}`, { fields: 'id,media_type,media_url' });
    expect(child.body.media_url).toContain('_p_n.jpg');
    const v = await get(`/${video.id}`, { fields: 'media_type,media_url,thumbnail_url' });
    expect(v.body.media_url).toContain('.mp4?');
    expect(v.body.thumbnail_url).toContain('_t_n.jpg');
    const image = await get(`/${fake.publish({ own: true }).id}`, { fields: 'thumbnail_url' });
    expect(image.body).toEqual({});
    const foreign = await get(`/${fake.publish({ author: 'x' }).id}`, { fields: 'id' });
    expect(foreign.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('omits media_url for videos with licensed audio', async () => {
    const { fake, get } = makeFake();
    const video = fake.publish({ own: true, mediaType: 'VIDEO', copyrightedAudio: true });
    const res = await get(`/${video.id}`, { fields: 'id,media_url,thumbnail_url' });
    expect(res.body).toEqual({ id: video.id, thumbnail_url: expect.any(String) });
  });

  it('answers deleted media with code 100/33', async () => {
    const { fake, get } = makeFake();
    const media = fake.publish({ own: true });
    fake.deleteMedia(media.id);
    const res = await get(`/${media.id}`, { fields: 'id,caption' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException', fbtrace_id: expect.any(String) });
  });
});

describe('account discovery', () => {
  it('finds the business account through /me/accounts and the page', async () => {
    const { fake, get } = makeFake();
    const accounts = await get('/me/accounts', { fields: 'id,name,instagram_business_account{id,username}' });
    expect(accounts.body.data).toEqual([{ id: fake.account.pageId, name: 'Maison Lumen', instagram_business_account: { id: fake.account.igUserId, username: 'maisonlumen' } }]);
    const page = await get(`/${fake.account.pageId}`, { fields: 'instagram_business_account' });
    expect(page.body).toEqual({ instagram_business_account: { id: fake.account.igUserId } });
    const user = await get(`/${fake.account.igUserId}`, { fields: 'id,username,media_count' });
    expect(user.body).toEqual({ id: fake.account.igUserId, username: 'maisonlumen', media_count: 0 });
  });
});
