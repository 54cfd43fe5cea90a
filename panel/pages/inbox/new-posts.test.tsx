import { expect, waitUntil } from '@open-wc/testing';
import { api } from '../../api.ts';
import { $currentId, $filters, checkForNew, EMPTY_FILTERS } from '../../stores/inbox.ts';
import { advanceFixtureClock, after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { InboxPage } from './inbox.tsx';

/** In the caption of this file's posts: the inbox is searched for it, so other files' posts stay out. */
const MARK = 'wtrnewpostsmark';
const IMAGE = new Blob(['<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="#7a9e9f"/></svg>'], { type: 'image/svg+xml' });

async function upload(author: string): Promise<string> {
  const form = new FormData();
  form.append('images', IMAGE, 'new-post.svg');
  form.append('author', author);
  form.append('caption', `A customer photo ${MARK}`);
  return (await api.upload(form)).id;
}

const rowIds = () => [...document.querySelectorAll<HTMLElement>('.post-row')].map((row) => row.dataset.postId);
const announcement = () => document.querySelector('.new-posts button');

describe('posts that arrive while the inbox is open', () => {
  let host: HTMLElement | undefined;
  const uploaded: string[] = [];
  before(signIn);
  after(async () => {
    if (host) unmount(host);
    $filters.set({ ...EMPTY_FILTERS });
    if (uploaded.length > 0) await api.moderate(uploaded, 'hidden');
  });

  it('are announced, and put on top when asked without moving the cursor', async () => {
    uploaded.push(await upload('@wtr.first'));
    $filters.set({ ...EMPTY_FILTERS, q: MARK });
    host = mount(<InboxPage />, { height: 900 });
    await waitUntil(() => rowIds().length === 1, 'the first post did not load');
    expect($currentId.get()).to.equal(uploaded[0]);

    await checkForNew();
    expect(announcement(), 'nothing new yet').to.equal(null);
    // A second later, another customer's post is collected.
    await advanceFixtureClock(1000);
    uploaded.push(await upload('@wtr.second'));
    await checkForNew();
    await waitUntil(() => announcement()?.textContent === '1 new post — show', 'the new post was not announced');
    expect(rowIds(), 'the list did not move by itself').to.deep.equal([uploaded[0]]);

    (announcement() as HTMLButtonElement).click();
    await waitUntil(() => rowIds().length === 2, 'the new post was not shown');
    expect(rowIds()).to.deep.equal([uploaded[1], uploaded[0]]);
    expect($currentId.get(), 'the cursor stayed on the post being looked at').to.equal(uploaded[0]);
    expect(announcement()).to.equal(null);
  });
});
