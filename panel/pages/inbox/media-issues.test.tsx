import { expect, waitUntil } from '@open-wc/testing';
import type { AdminPost } from '../../../shared/admin-types.ts';
import { api } from '../../api.ts';
import { before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { MediaIssues } from './media-issues.tsx';

/** A demo post whose media are all stored: the server has nothing of it to retry. */
const STORED = 'post_norights';
const NO_FILE = 'Instagram gave neither a still image nor the file of this video (its audio is licensed)';

describe('media that could not be stored', () => {
  let post: AdminPost;
  before(async () => {
    await signIn();
    post = await api.post(STORED);
  });

  it('says nothing when every media is stored', () => {
    const host = mount(<MediaIssues post={post} />);
    try {
      expect(host.textContent).to.equal('');
    } finally {
      unmount(host);
    }
  });

  it('says why each media failed or that it is being stored, and offers Retry only for those that gave up', () => {
    const waiting = mount(<MediaIssues post={{ ...post, mediaIssues: [{ position: 0, type: 'image', status: 'pending', error: 'download failed: HTTP 500' }] }} />);
    const failed = mount(
      <MediaIssues
        post={{
          ...post,
          mediaIssues: [
            { position: 0, type: 'image', status: 'pending', error: null },
            { position: 1, type: 'video', status: 'failed', error: NO_FILE },
          ],
        }}
      />,
    );
    try {
      expect(waiting.querySelector('li')!.textContent).to.equal('The image is being stored; the last try failed: download failed: HTTP 500.');
      expect(waiting.querySelector('button')).to.equal(null);
      expect([...failed.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['Item 1 (image) is being stored.', `Item 2 (video) could not be stored: ${NO_FILE}.`]);
      expect(failed.querySelector('button')!.textContent).to.equal('Retry');
    } finally {
      unmount(waiting);
      unmount(failed);
    }
  });

  it("reads the server's refusal as a sentence when there is nothing to retry (409)", async () => {
    const host = mount(<MediaIssues post={{ ...post, mediaIssues: [{ position: 0, type: 'video', status: 'failed', error: NO_FILE }] }} />);
    try {
      host.querySelector('button')!.click();
      await waitUntil(() => host.querySelector('[role="status"]')!.textContent, 'no answer was shown');
      expect(host.querySelector('[role="status"]')!.textContent).to.equal('No media of this post failed.');
      expect(host.querySelector('button')!.disabled).to.equal(false);
    } finally {
      unmount(host);
    }
  });

  it('says the download starts again when the server takes the retry', async () => {
    // The fixture has no media that gave up after eight tries; the answer the server gives then
    // (server/domain/collection/collection.api.test.ts) is played here for this one request.
    const realFetch = window.fetch;
    window.fetch = (input, init) =>
      String(input).endsWith(`/admin/posts/${STORED}/media/retry`) ? Promise.resolve(Response.json({ retried: 2 })) : realFetch(input, init);
    const host = mount(<MediaIssues post={{ ...post, mediaIssues: [{ position: 0, type: 'image', status: 'failed', error: 'the CDN answered HTTP 500' }] }} />);
    try {
      host.querySelector('button')!.click();
      await waitUntil(() => host.querySelector('[role="status"]')!.textContent, 'no answer was shown');
      expect(host.querySelector('[role="status"]')!.textContent).to.equal('Downloading 2 items again: the preview shows them once stored.');
    } finally {
      window.fetch = realFetch;
      unmount(host);
    }
  });
});
