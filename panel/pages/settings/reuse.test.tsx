import { expect, waitUntil } from '@open-wc/testing';
import { api } from '../../api.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { ReuseSettings } from './reuse.tsx';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const button = (label: RegExp) => [...document.querySelectorAll<HTMLButtonElement>('.reuse button')].find((b) => label.test(b.textContent ?? ''));
// The feeds may be kept 5 minutes by whoever fetches them (the browser too): each check asks the server.
const fresh = (url: string) => fetch(url, { cache: 'no-store' });
const urls = () => [...document.querySelectorAll<HTMLInputElement>('.reuse .copy-field input')].map((i) => i.value);

/** The Reuse card against the real API: the secret URLs, copy buttons, and rotation (owners). */
describe('reuse settings', () => {
  let host: HTMLElement | undefined;
  const realConfirm = window.confirm;
  before(async () => {
    await signIn();
    window.confirm = () => true;
  });
  after(() => {
    window.confirm = realConfirm;
    if (host) unmount(host);
  });

  it('shows the ads feed and each gallery’s email block with copy buttons, saying only cleared posts appear', async () => {
    host = mount(<ReuseSettings canRotate />, { height: 2000 });
    await waitUntil(() => urls().length >= 2, 'the URLs did not load');
    const [ads, ...email] = urls();
    expect(ads).to.match(/\/v1\/reuse\/[A-Za-z0-9_-]+\/ads\.tsv$/);
    expect(email[0]).to.match(/\/v1\/reuse\/[A-Za-z0-9_-]+\/galleries\/[^/]+\/email\.html\?limit=6$/);
    expect(document.querySelectorAll('.reuse .copy-field button').length).to.equal(urls().length);
    expect($('.reuse')!.textContent).to.contain('consent covers ads');
    expect($('.reuse')!.textContent).to.contain('consent covers email');
    // The URL answers: it is the feed itself.
    const res = await fresh(ads!);
    expect(res.status).to.equal(200);
    expect((await res.text()).split('\n')[0]).to.equal('id\tadditional_image_link');
  });

  it('rotates the ads feed: a new URL, and the old one answers 404', async () => {
    const [before] = urls();
    button(/Rotate ads feed/)!.click();
    await waitUntil(() => urls()[0] !== before, 'the URL did not change');
    expect((await fresh(before!)).status).to.equal(404);
    expect((await fresh(urls()[0]!)).status).to.equal(200);
    expect((await api.reuseFeeds()).ads.url).to.equal(urls()[0]);
  });

  it('offers no rotation without the right to', async () => {
    unmount(host!);
    host = mount(<ReuseSettings canRotate={false} />, { height: 2000 });
    await waitUntil(() => urls().length >= 2, 'the URLs did not load');
    expect(button(/Rotate/)).to.equal(undefined);
  });
});
