import { expect, waitUntil } from '@open-wc/testing';
import { api } from '../../api.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { WebhookSettings } from './webhooks.tsx';

/** Outgoing webhooks against the real API; the endpoints this file adds are removed at the end. */
const URL_ = 'https://merchant.example/hooks/wtr-webhooks';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const button = (root: ParentNode, label: RegExp) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(b.textContent ?? ''));
const row = () => [...document.querySelectorAll('.webhooks tbody tr')].find((tr) => tr.textContent?.includes(URL_));

describe('outgoing webhooks', () => {
  let host: HTMLElement | undefined;
  before(async () => {
    await signIn();
    host = mount(<WebhookSettings />, { height: 2000 });
    await waitUntil(() => $('.webhooks')?.textContent?.match(/No webhook yet|Remove/), 'the webhooks did not load');
  });
  after(async () => {
    if (host) unmount(host);
    for (const endpoint of (await api.webhooks()).endpoints) if (endpoint.url.startsWith(URL_.replace(/-webhooks$/, ''))) await api.deleteWebhook(endpoint.id);
  });

  it('refuses a URL that is not https, on its field', async () => {
    const form = $<HTMLFormElement>('.webhooks form')!;
    form.querySelector<HTMLInputElement>('[name="url"]')!.value = 'http://merchant.example/hooks';
    button(form, /Add webhook/)!.click();
    await waitUntil(() => form.querySelector('.form-error'), 'the refusal was not shown');
    expect(form.querySelector('.form-error')?.textContent).to.contain('https');
    expect(form.querySelector('[name="url"]')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows the signing secret once, with a copy button, and never again', async () => {
    const form = $<HTMLFormElement>('.webhooks form')!;
    form.querySelector<HTMLInputElement>('[name="url"]')!.value = URL_;
    form.querySelector<HTMLInputElement>('[value="post.erased"]')!.checked = false;
    button(form, /Add webhook/)!.click();
    await waitUntil(() => $('.secret-once'), 'the secret was not shown');
    const secret = $<HTMLInputElement>('.secret-once input')!.value;
    expect(secret).to.match(/^whsec_/);
    expect(button($('.secret-once')!, /^Copy$/)).to.not.equal(undefined);
    expect($('.webhooks')?.textContent).to.contain('X-Vitrine-Signature');
    expect(row()?.textContent).to.contain('Rights withdrawn');
    expect(row()?.textContent).to.not.contain('erased');

    const [listed] = (await api.webhooks()).endpoints.filter((e) => e.url === URL_);
    expect(listed).to.include({ url: URL_, enabled: true });
    expect(listed!.events).to.deep.equal(['rights.granted', 'rights.declined', 'rights.withdrawn']);
    expect(JSON.stringify(listed)).to.not.contain(secret);

    button($('.secret-once')!, /I have stored it/)!.click();
    await waitUntil(() => !$('.secret-once'), 'the secret stayed');
    expect(document.body.innerHTML).to.not.contain(secret);

    // A fresh visit lists the endpoint, without its secret.
    unmount(host!);
    host = mount(<WebhookSettings />, { height: 2000 });
    await waitUntil(() => row(), 'the endpoint was not listed again');
    expect($('.secret-once')).to.equal(null);
    expect(document.body.innerHTML).to.not.contain(secret);

    button(row()!, /Remove/)!.click();
    await waitUntil(() => !row(), 'the endpoint was not removed');
    expect((await api.webhooks()).endpoints.some((e) => e.url === URL_)).to.equal(false);
  });
});
