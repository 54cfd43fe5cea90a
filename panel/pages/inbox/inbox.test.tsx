import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { api } from '../../api.ts';
import { Toast } from '../../components/toast.tsx';
import { undo } from '../../stores/inbox.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { InboxPage } from './inbox.tsx';

/**
 * The demo seeds one pending post, post_pending, which the e2e journey approves. These tests
 * triage post_norights instead: it lacks rights, so whatever its status it is never public,
 * and the widget tests that share this database see the same galleries. It starts approved
 * and is approved again at the end.
 */
const TRIAGED = 'post_norights';
const OTHER_PENDING = 'post_pending';

const rows = () => [...document.querySelectorAll<HTMLElement>('.post-row')];
const rowIds = () => rows().map((row) => row.dataset.postId);
const currentId = () => document.querySelector<HTMLElement>('.post-row.is-current')?.dataset.postId;
const listbox = () => document.querySelector<HTMLElement>('[role="listbox"]')!;
const toast = () => document.querySelector('.toast-region')?.textContent ?? '';
const statusOf = async (id: string) => (await api.post(id)).moderation.status;
const press = (key: string) => sendKeys({ press: key });

describe('inbox keyboard triage', () => {
  let host: HTMLElement;
  before(async () => {
    await signIn();
    await api.moderate([TRIAGED], 'pending');
    host = mount(
      <>
        <InboxPage />
        <Toast onUndo={() => void undo()} />
      </>,
    );
    await waitUntil(() => rowIds().includes(TRIAGED) && rowIds().includes(OTHER_PENDING), 'the pending posts did not load');
  });
  after(async () => {
    if (host) unmount(host);
    await api.moderate([TRIAGED], 'approved');
  });

  it('moves with j/k, rejects with r, undoes with u, and approves a selection with x then a', async () => {
    expect(document.activeElement).to.equal(listbox());
    const [first, second] = rowIds();
    expect(currentId()).to.equal(first);
    await press('j');
    await waitUntil(() => currentId() === second, 'j did not move the cursor down');
    await press('k');
    await waitUntil(() => currentId() === first, 'k did not move the cursor up');
    while (currentId() !== TRIAGED) {
      const before = currentId();
      await press('j');
      await waitUntil(() => currentId() !== before, 'j did not move the cursor');
    }
    expect(listbox().getAttribute('aria-activedescendant')).to.equal(`post-${TRIAGED}`);
    expect(document.querySelector('.preview')?.textContent).to.contain('Approved by the brand, but nobody asked me yet');

    await press('r');
    await waitUntil(() => !rowIds().includes(TRIAGED), 'r did not take the post out of the pending view');
    await waitUntil(() => toast().includes('Rejected 1 post.'), 'no confirmation was announced');
    expect(await statusOf(TRIAGED)).to.equal('rejected');
    expect(currentId()).to.equal(OTHER_PENDING);

    await press('u');
    await waitUntil(() => rowIds().includes(TRIAGED) && currentId() === TRIAGED, 'u did not bring the post back under the cursor');
    await waitUntil(() => toast().includes('Undone.'), 'the undo was not announced');
    expect(await statusOf(TRIAGED)).to.equal('pending');

    await press('x');
    await waitUntil(() => document.querySelector(`#post-${TRIAGED}`)?.getAttribute('aria-selected') === 'true', 'x did not select');
    expect(document.querySelector('.bulk-bar')?.textContent).to.contain('1 selected');
    await press('a');
    await waitUntil(() => !rowIds().includes(TRIAGED), 'a did not approve the selection');
    expect(await statusOf(TRIAGED)).to.equal('approved');
    expect(document.querySelector('.bulk-bar')).to.equal(null);
    // Only the selection was acted on: the post under the cursor stays pending.
    expect(await statusOf(OTHER_PENDING)).to.equal('pending');

    await press('u');
    await waitUntil(() => rowIds().includes(TRIAGED), 'undo did not bring the approved post back');
    expect(await statusOf(TRIAGED)).to.equal('pending');
  });

  it('ignores shortcuts while typing in the search, which filters by username', async () => {
    listbox().focus();
    await press('/');
    expect(document.activeElement?.getAttribute('type')).to.equal('search');
    // "ben.rooms" holds an r: typed here, it must search, not reject.
    await sendKeys({ type: 'ben.rooms' });
    await waitUntil(() => rowIds().length === 1 && rowIds()[0] === OTHER_PENDING, 'the search did not narrow the list');
    expect(await statusOf(OTHER_PENDING)).to.equal('pending');
    const search = document.activeElement as HTMLInputElement;
    search.select();
    await press('Backspace');
    await waitUntil(() => rowIds().includes(TRIAGED), 'clearing the search did not bring the list back');
  });

  it('opens the help with ? and the details with Enter; Esc closes them and gives focus back', async () => {
    listbox().focus();
    await press('?');
    await waitUntil(() => document.querySelector('dialog[open]')?.textContent?.includes('Keyboard shortcuts'), '? did not open the help');
    await press('Escape');
    await waitUntil(() => !document.querySelector('dialog[open]'), 'Esc did not close the help');
    expect(document.activeElement).to.equal(listbox());

    // Other test files may add newer pending posts (imports): go to the one this test knows.
    while (currentId() !== TRIAGED) {
      const before = currentId();
      await press('j');
      await waitUntil(() => currentId() !== before, 'j did not move the cursor');
    }
    const shown = currentId()!;
    await press('Enter');
    await waitUntil(() => document.querySelector('dialog[open]')?.textContent?.includes('Consent records'), 'Enter did not open the details');
    const details = document.querySelector('dialog[open]')!.textContent ?? '';
    expect(details).to.contain(shown === OTHER_PENDING ? 'Linen Cushion, Terracotta' : 'Arc Table Lamp');
    await press('Escape');
    await waitUntil(() => !document.querySelector('dialog[open]'));
    expect(document.activeElement).to.equal(listbox());
  });

  it('renders captions as text, and only the rows in view', async () => {
    document.querySelector<HTMLButtonElement>('.tabs button:nth-child(2)')!.click();
    await waitUntil(() => rowIds().length > 0 && !rowIds().includes(OTHER_PENDING), 'the approved view did not load');
    const total = Number(listbox().querySelector('.post-row')?.getAttribute('aria-setsize'));
    expect(total).to.be.greaterThan(rows().length, 'a windowed list renders fewer rows than it holds');

    const search = document.querySelector<HTMLInputElement>('.filters input[type=search]')!;
    search.focus();
    await sendKeys({ type: 'no regrets' });
    await waitUntil(() => rows().length > 0 && rows().every((row) => row.textContent?.includes('<b>no regrets</b>')), 'the caption did not show as text');
    expect(listbox().querySelector('b, img[src=x]')).to.equal(null);
    expect((window as { __vitrineXss?: number }).__vitrineXss).to.equal(undefined);
  });
});
