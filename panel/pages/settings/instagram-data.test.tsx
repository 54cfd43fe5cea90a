import { expect, waitUntil } from '@open-wc/testing';
import { api } from '../../api.ts';
import { $announcement } from '../../stores/announcer.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { InstagramDataSettings } from './instagram-data.tsx';

/**
 * The "Instagram data" card against the real API. It never deletes anything: every panel and
 * widget test shares the fixture's database, and others show its collected posts.
 */
describe('Instagram data settings', () => {
  let host: HTMLElement | undefined;
  before(async () => {
    await signIn();
    host = mount(<InstagramDataSettings />, { height: 1200 });
    await waitUntil(() => host!.querySelector('[name="settings.instagramDataRetentionDays"]'), 'the card did not load');
  });
  after(() => host && unmount(host));

  const field = () => host!.querySelector<HTMLInputElement>('[name="settings.instagramDataRetentionDays"]')!;
  const button = (words: string) => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === words)!;

  it('shows the retention, 90 days by default, with the sentence that explains it', async () => {
    expect(field().value).to.equal(String((await api.workspace()).settings.instagramDataRetentionDays));
    expect([field().min, field().max]).to.deep.equal(['7', '730']);
    const help = document.getElementById(field().getAttribute('aria-describedby')!)!.textContent!;
    expect(help).to.contain('never granted rights');
    expect(help).to.contain('Posts with granted rights');
  });

  it('saves only the retention, leaving the other settings as they are', async () => {
    const before = await api.workspace();
    const save = async (days: string) => {
      field().value = days;
      $announcement.set(null);
      button('Save retention').click();
      await waitUntil(() => $announcement.get()?.message === 'Instagram data retention saved.' || host!.querySelector('.form-error'), 'no answer');
      expect(host!.querySelector('.form-error')).to.equal(null);
    };
    await save('120');
    const after = await api.workspace();
    expect(after.settings).to.deep.equal({ ...before.settings, instagramDataRetentionDays: 120 });
    // Back as it was: other tests' collected posts must not age out.
    await save(String(before.settings.instagramDataRetentionDays));
    expect((await api.workspace()).settings.instagramDataRetentionDays).to.equal(before.settings.instagramDataRetentionDays);
  });

  it('asks before deleting all Instagram data, and Cancel deletes nothing', async () => {
    const dialog = () => document.querySelector<HTMLDialogElement>('dialog[aria-label="Delete all Instagram data?"]')!;
    expect(dialog().open).to.equal(false);
    button('Delete all Instagram data…').click();
    await waitUntil(() => dialog().open, 'no confirmation was asked');
    expect(dialog().textContent).to.contain('Posts with granted rights, your uploads and imports stay');
    expect(button('Delete all Instagram data')).to.not.equal(undefined);
    button('Cancel').click();
    await waitUntil(() => !dialog().open, 'the dialog did not close');
    expect($announcement.get()?.message ?? '').to.not.contain('Deleted');
  });
});
