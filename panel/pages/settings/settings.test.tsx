import { expect, waitUntil } from '@open-wc/testing';
import { api } from '../../api.ts';
import { $announcement } from '../../stores/announcer.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { SettingsPage } from './settings.tsx';

/**
 * The tracking settings against the real API. The holdout share is only saved unchanged (0):
 * the widget's tests share this workspace, and a held-out visitor there would see no gallery.
 */
describe('tracking settings', () => {
  let host: HTMLElement | undefined;
  before(async () => {
    await signIn();
    host = mount(<SettingsPage />, { height: 3000 });
    await waitUntil(() => host!.querySelector('[name="settings.holdoutShare"]'), 'the settings did not load');
  });
  after(() => host && unmount(host));

  it('shows the holdout as a percentage and saves it as a share', async () => {
    const workspace = await api.workspace();
    const field = host!.querySelector<HTMLInputElement>('[name="settings.holdoutShare"]')!;
    expect(field.value).to.equal(String(Math.round(workspace.settings.holdoutShare * 100)));
    expect([field.min, field.max]).to.deep.equal(['0', '50']);
    field.value = '0';
    host!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => $announcement.get()?.message === 'Settings saved.' || host!.querySelector('.form-error'), 'no answer');
    expect(host!.querySelector('.form-error')).to.equal(null);
    expect((await api.workspace()).settings.holdoutShare).to.equal(0);
  });

  it('saves "count only orders confirmed by my server", off by default', async () => {
    const box = host!.querySelector<HTMLInputElement>('[name="settings.confirmedOrdersOnly"]')!;
    expect(box.checked).to.equal(false);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).to.contain('POST /v1/orders');
    const save = async (checked: boolean) => {
      box.checked = checked;
      $announcement.set(null);
      host!.querySelector<HTMLButtonElement>('button.primary')!.click();
      await waitUntil(() => $announcement.get()?.message === 'Settings saved.' || host!.querySelector('.form-error'), 'no answer');
      expect(host!.querySelector('.form-error')).to.equal(null);
      expect((await api.workspace()).settings.confirmedOrdersOnly).to.equal(checked);
    };
    // Turned back off: the other panel tests count browser-reported purchases.
    await save(true);
    await save(false);
  });

  it('saves "accept page-only consent for private requests", off by default, saying what it means', async () => {
    const box = host!.querySelector<HTMLInputElement>('[name="settings.acceptPageOnlyForPrivateRequests"]')!;
    expect(box.checked).to.equal(false);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).to.contain('always needs the author');
    box.checked = true;
    $announcement.set(null);
    host!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => $announcement.get()?.message === 'Settings saved.' || host!.querySelector('.form-error'), 'no answer');
    expect((await api.workspace()).settings.acceptPageOnlyForPrivateRequests).to.equal(true);
    // Back off: the other panel tests expect consent to wait for the author's account.
    box.checked = false;
    $announcement.set(null);
    host!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => $announcement.get()?.message === 'Settings saved.', 'no answer');
    expect((await api.workspace()).settings.acceptPageOnlyForPrivateRequests).to.equal(false);
  });

  it("shows shoppers' consent as asked first by default, with the sentence that explains it", async () => {
    // Only read: the widget's tests share this workspace, and its default decides what they store.
    const select = host!.querySelector<HTMLSelectElement>('[name="settings.consentDefault"]')!;
    expect(select.value).to.equal('denied');
    expect([...select.options].map((option) => option.value)).to.deep.equal(['denied', 'granted']);
    expect(select.closest('div')!.textContent).to.contain('Global Privacy Control');
    expect((await api.workspace()).settings.consentDefault).to.equal('denied');
  });

  it("erases a shopper's data by visitor id, and says when the id is unknown", async () => {
    const form = host!.querySelector<HTMLFormElement>('[aria-labelledby="erase-visitor-title"]')!;
    const field = form.querySelector<HTMLInputElement>('[name="visitorId"]')!;
    field.value = 'v_nobody_here_1';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => form.querySelector('.form-error'), 'no answer');
    expect(form.querySelector('.form-error')!.textContent).to.contain('not found');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
  });

  it("gives the order confirmation page's code, naming this workspace", async () => {
    const workspace = await api.workspace();
    const code = [...host!.querySelectorAll<HTMLTextAreaElement>('.copy-field textarea')].map((t) => t.value).find((v) => v.includes('purchase'))!;
    expect(code).to.contain(`<script async src="${location.origin}/embed.js" data-workspace="${workspace.id}"></script>`);
    expect(code).to.contain("vitrine('track', 'purchase', { transaction_id:");
  });

  it('gives Shopify stores a custom pixel for this workspace, folded away until asked for', async () => {
    const workspace = await api.workspace();
    const details = [...host!.querySelectorAll('details')].find((d) => d.querySelector('summary')?.textContent === 'On Shopify')!;
    expect(details.open).to.equal(false);
    const pixel = details.querySelector<HTMLTextAreaElement>('.copy-field textarea')!.value;
    expect(pixel).to.contain("analytics.subscribe('checkout_completed'");
    expect(pixel).to.contain(`const VITRINE = ${JSON.stringify(location.origin)};`);
    expect(pixel).to.contain(`const WORKSPACE = ${JSON.stringify(workspace.id)};`);
  });
});
