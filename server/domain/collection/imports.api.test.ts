import { createHarness } from '#harness';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { postMedia, posts } from '../../db/schema.ts';
import { admin, adminUpload, signIn, TEST_ORIGIN, type AdminSession } from '../../dev/testing/admin-client.ts';
import { PUBLIC_IMAGE_HOST } from '../../dev/testing/fake-instagram.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import type { ImportReport } from '../../../shared/admin-types.ts';
import { rehostPending } from './rehost.ts';

let h: Harness;
let owner: AdminSession;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h);
});

const postCount = async () => (await h.db.select({ n: count() }).from(posts).where(eq(posts.workspaceId, 'ws_demo')))[0]!.n;

const upload = (path: string, body: string, type: string) => adminUpload(h, owner, path, body, type);

const CSV = [
  'image_url,author,caption,permalink,published_at',
  `${PUBLIC_IMAGE_HOST}/1080x1080/a.jpg,@clara.home,"Sunday, at home ""with"" the lamp",https://www.instagram.com/p/AAA111/,2026-11-01`,
  `,jules,no image,,`,
  `http://images.example.com/640x640/b.jpg,nina,plain http,,`,
  `https://169.254.169.254/latest/meta-data,nina,metadata,,`,
  `${PUBLIC_IMAGE_HOST}/640x800/c.jpg,not a username!,bad author,,`,
  `${PUBLIC_IMAGE_HOST}/640x800/d.jpg,oskar,bad date,,last tuesday`,
  `${PUBLIC_IMAGE_HOST}/1080x566/e.jpg,amelie,"multi\nline caption",,2026-11-02T10:00:00Z`,
].join('\r\n');

describe('CSV and JSON imports', () => {
  it('reports every bad row by line and field, and imports nothing', async () => {
    const before = await postCount();
    const res = await upload('/imports?format=csv', CSV, 'text/csv');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string }; report: ImportReport };
    expect(body.error.code).toBe('invalid_rows');
    expect(body.error.message).toContain('5 of 7 rows are invalid');
    expect(body.report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'image_url'],
      [4, 'image_url'],
      [5, 'image_url'],
      [6, 'author'],
      [7, 'published_at'],
    ]);
    expect(await postCount()).toBe(before);
  });

  it('checks without applying on a dry run', async () => {
    const before = await postCount();
    const res = await upload('/imports?format=csv&dryRun=true', CSV, 'text/csv');
    expect(res.status).toBe(200);
    expect(((await res.json()) as ImportReport)).toMatchObject({ dryRun: true, total: 7, valid: 2, imported: 0 });
    expect(await postCount()).toBe(before);
  });

  it('imports the good rows when asked to skip the bad ones, re-hosts their images, and skips them next time', async () => {
    const before = await postCount();
    const res = await upload('/imports?format=csv&skipInvalid=true&label=Spring%20campaign', CSV, 'text/csv');
    expect(res.status).toBe(201);
    expect(((await res.json()) as ImportReport)).toMatchObject({ imported: 2, valid: 2 });
    expect(await postCount()).toBe(before + 2);
    const [clara] = await h.db.select().from(posts).where(and(eq(posts.workspaceId, 'ws_demo'), eq(posts.authorUsername, 'clara.home'), eq(posts.permalink, 'https://www.instagram.com/p/AAA111/')));
    expect(clara).toMatchObject({ caption: 'Sunday, at home "with" the lamp', moderationStatus: 'pending', publishedAt: Date.UTC(2026, 10, 1) });

    await rehostPending({ db: h.db, media: h.media, variants: h.variants, instagram: h.instagram, appSecret: 'test-secret' }, h.clock.now());
    const [item] = await h.db.select().from(postMedia).where(eq(postMedia.postId, clara!.id));
    expect(item).toMatchObject({ storeStatus: 'stored', width: 1080, height: 1080 });

    const again = await upload('/imports?format=csv&skipInvalid=true', CSV, 'text/csv');
    expect(((await again.json()) as ImportReport)).toMatchObject({ imported: 0, duplicates: [2, 8] });
  });

  it('reads JSON and TSV too, and names a broken file', async () => {
    const json = JSON.stringify([{ image_url: `${PUBLIC_IMAGE_HOST}/800x800/j.jpg`, author: 'yuki.studio', caption: 'from json' }, { image_url: 42 }]);
    const res = await upload('/imports?format=json', json, 'application/json');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { report: ImportReport }).report.errors).toEqual([{ line: 2, field: 'image_url', reason: expect.any(String) }]);
    const tsv = `image_url\tauthor\n${PUBLIC_IMAGE_HOST}/800x800/t.jpg\tlea_and_co\n`;
    expect((await upload('/imports?format=tsv', tsv, 'text/tab-separated-values')).status).toBe(201);

    const broken = await upload('/imports?format=csv', 'image_url,author\n"unclosed,quote\n', 'text/csv');
    expect(((await broken.json()) as { error: { message: string } }).error.message).toBe('body: line 2: a quoted field is never closed');
    const noColumn = await upload('/imports?format=csv', 'url,author\nx,y\n', 'text/csv');
    expect(((await noColumn.json()) as { error: { field: string } }).error.field).toBe('image_url');
    const badFormat = await upload('/imports?format=xlsx', 'x', 'text/csv');
    expect(((await badFormat.json()) as { error: { field: string } }).error.field).toBe('format');
  });
});

describe('manual upload', () => {

  it('stores the images at once and puts the post in the inbox', async () => {
    const form = new FormData();
    form.append('images', await h.image(1080, 1350), 'one.png');
    form.append('images', await h.image(1080, 1080), 'two.png');
    form.append('author', '@tomas.b');
    form.append('caption', 'Sent to us by email');
    const res = await request(h, '/admin/uploads', { method: 'POST', body: form, headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken, origin: TEST_ORIGIN } });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const detail = (await (await admin(h, owner, 'GET', `/posts/${id}`)).json()) as { mediaType: string; author: { username: string }; moderation: { status: string }; media: { width: number }[]; sources: { kind: string }[] };
    expect(detail).toMatchObject({ mediaType: 'carousel', author: { username: 'tomas.b' }, moderation: { status: 'pending' }, sources: [{ kind: 'manual' }] });
    expect(detail.media.map((m) => m.width)).toEqual([1080, 1080]);
  });

  it('names what is wrong with an upload', async () => {
    const send = (form: FormData) => request(h, '/admin/uploads', { method: 'POST', body: form, headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken, origin: TEST_ORIGIN } });
    const noImage = new FormData();
    noImage.append('author', 'tomas.b');
    expect(((await (await send(noImage)).json()) as { error: { field: string } }).error.field).toBe('images');
    const notAnImage = new FormData();
    notAnImage.append('images', new Blob(['hello']), 'x.txt');
    notAnImage.append('author', 'tomas.b');
    expect(await (await send(notAnImage)).json()).toMatchObject({ error: { field: 'images.0', message: expect.stringMatching(/^images\.0: .*JPEG, PNG or WebP image/) } });
    const badAuthor = new FormData();
    badAuthor.append('images', await h.image(10, 10), 'x.png');
    badAuthor.append('author', 'two words');
    expect(((await (await send(badAuthor)).json()) as { error: { field: string } }).error.field).toBe('author');
  });
});
