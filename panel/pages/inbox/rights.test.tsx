import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { api } from '../../api.ts';
import { Toast } from '../../components/toast.tsx';
import { undo } from '../../stores/inbox.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { InboxPage } from './inbox.tsx';

/**
 * Asking for rights from the inbox, against the real API. A request changes a post's rights for
 * good (requests are kept as evidence), so these tests upload a post of their own, which no other
 * test knows, and hide it at the end. The brand's settings they change are put back.
 */
const MARK = 'wtrrightsmark';
const AUTHOR = 'wtr.rights.author';
const PERMALINK = 'https://www.instagram.com/p/wtrRights1/';

/** An image the fixture's placeholder variant maker reads (it takes an SVG's size). */
const IMAGE = new Blob(['<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="#c8553d"/></svg>'], { type: 'image/svg+xml' });

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const rowIds = () => [...document.querySelectorAll<HTMLElement>('.post-row')].map((row) => row.dataset.postId);
const listbox = () => $<HTMLElement>('[role="listbox"]')!;
const dialog = () => $<HTMLDialogElement>('dialog[open]');
const button = (root: ParentNode, label: RegExp) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(b.textContent ?? ''));
const press = (key: string) => sendKeys({ press: key });

describe('requesting rights from the inbox', () => {
  let host: HTMLElement | undefined;
  let postId: string;
  before(async () => {
    await signIn();
    const form = new FormData();
    form.append('images', IMAGE, 'rights.svg');
    form.append('author', AUTHOR);
    form.append('caption', `Asked from the panel tests <b>${MARK}</b>`);
    form.append('permalink', PERMALINK);
    postId = (await api.upload(form)).id;
    host = mount(
      <>
        <InboxPage />
        <Toast onUndo={() => void undo()} />
      </>,
      { height: 900 },
    );
    await waitUntil(() => rowIds().length > 0, 'the pending posts did not load');
    listbox().focus();
    await press('/');
    await sendKeys({ type: MARK });
    await waitUntil(() => rowIds().length === 1 && rowIds()[0] === postId, 'the search did not find the uploaded post');
  });
  after(async () => {
    if (host) unmount(host);
    if (postId) await api.moderate([postId], 'hidden');
  });

  it('names what to fix when the brand has no approval hashtag, and links to it', async () => {
    const { approvalHashtag } = await api.workspace();
    await api.updateWorkspace({ approvalHashtag: null });
    try {
      listbox().focus();
      await press('q');
      await waitUntil(() => dialog()?.textContent?.includes('Language of the message'), 'q did not open the request dialog');
      // Said before the merchant tries, with the way to fix it.
      await waitUntil(() => dialog()?.querySelector('.missing-prerequisites'), 'the missing hashtag was not listed before asking');
      expect(dialog()!.querySelector('.missing-prerequisites a')?.getAttribute('href')).to.equal('/panel/settings');
      await press('Enter');
      await waitUntil(() => dialog()?.querySelector('.form-error'), 'the refusal was not shown');
      const refusal = dialog()!.querySelector('.form-error')!;
      expect(refusal.textContent).to.contain('approval hashtag');
      expect(refusal.querySelector('a')?.getAttribute('href')).to.equal('/panel/settings');
      expect((await api.rightsRequests(postId)).requests).to.have.length(0);
      await press('Escape');
      await waitUntil(() => !dialog(), 'Esc did not close the dialog');
      expect(document.activeElement).to.equal(listbox());
    } finally {
      await api.updateWorkspace({ approvalHashtag });
    }
  });

  it('asks with q in the chosen language, shows the message with its signed link, and marks it sent', async () => {
    const preview = $<HTMLElement>('.preview')!;
    expect(preview.querySelector('.rights-status')?.getAttribute('data-rights')).to.equal('none');
    expect(preview.textContent).to.contain('Not requested');

    listbox().focus();
    await press('q');
    await waitUntil(() => dialog()?.textContent?.includes('Language of the message'), 'q did not open the request dialog');
    expect(dialog()!.textContent).to.contain(`Ask @${AUTHOR} for the right to show this post.`);
    // Focus starts on the action; the language is one Shift+Tab away, chosen with the arrows.
    expect(document.activeElement?.textContent).to.equal('Request rights');
    await sendKeys({ down: 'Shift' });
    await press('Tab');
    await sendKeys({ up: 'Shift' });
    expect((document.activeElement as HTMLInputElement).value).to.equal('en');
    await press('ArrowRight');
    expect((document.activeElement as HTMLInputElement).checked && (document.activeElement as HTMLInputElement).value).to.equal('fr');
    await press('Tab');
    await press('Enter');

    await waitUntil(() => dialog()?.querySelector('.request-made textarea'), 'the assisted message did not show');
    const made = dialog()!;
    const message = made.querySelector<HTMLTextAreaElement>('.request-made textarea')!.value;
    const link = /https?:\/\/\S+\/r\/req_\w+\.[\w-]{22}/.exec(message)?.[0];
    expect(link, message).to.be.a('string');
    expect(link!.startsWith(location.origin)).to.equal(true);
    expect(message).to.contain('#YesLumen @maisonlumen');
    expect(message).to.contain(`@${AUTHOR}`);
    expect(message).to.match(/répondez/i);
    expect(made.textContent).to.contain('Instagram lets no app comment on this post');
    expect(button(made, /Copy and open the post/)).to.not.equal(undefined);
    // Focus stays in the dialog, so inbox keys do nothing behind it (the panel moves it there in
    // an effect, after the frame that shows the message: on a loaded machine, a poll later).
    await waitUntil(() => made.contains(document.activeElement), 'focus did not stay in the dialog');

    const [request] = (await api.rightsRequests(postId)).requests;
    expect(request).to.include({ channel: 'manual', status: 'draft', language: 'fr', message, permalink: PERMALINK });
    // Behind the dialog, the post reads as asked but not yet sent.
    await waitUntil(() => preview.querySelector('.rights-status')?.getAttribute('data-rights') === 'draft', 'the preview did not show the unsent request');
    expect($(`#post-${postId}`)?.textContent).to.contain('Rights requested');

    button(made, /^Mark as sent$/)!.click();
    await waitUntil(() => made.textContent?.includes('Sent by hand'), 'the request was not marked as sent');
    expect((await api.rightsRequests(postId)).requests[0]?.status).to.equal('sent');
    await press('Escape');
    await waitUntil(() => !dialog(), 'Esc did not close the dialog');
    await waitUntil(() => preview.querySelector('.rights-status')?.getAttribute('data-rights') === 'requested', 'the preview did not show the request as sent');
    expect(preview.querySelector('.rights-status')?.textContent).to.contain('Requested');
    expect(preview.querySelector('.rights-status')?.textContent).to.contain('sent by hand');
    expect((await api.post(postId)).rights.status).to.equal('requested');
  });

  it('shows the whole history in the details, as text', async () => {
    listbox().focus();
    await press('Enter');
    await waitUntil(() => dialog()?.querySelector('.rights-history ol'), 'the details did not list the request');
    const details = dialog()!;
    expect(details.querySelector('.rights-history')?.textContent).to.contain('Sent');
    expect(details.querySelector('.rights-history')?.textContent).to.contain('in fr, by hand');
    expect(details.querySelector('.caption')?.textContent).to.contain(`<b>${MARK}</b>`);
    expect(details.querySelector('.caption b')).to.equal(null);
    // No consent yet: only the author's export is offered.
    expect(button(details, /Download consent evidence/)).to.equal(undefined);
    expect(button(details, new RegExp(`All of @${AUTHOR.replace(/\./g, '\\.')}`))).to.not.equal(undefined);
    await press('Escape');
    await waitUntil(() => !dialog());
  });
});
