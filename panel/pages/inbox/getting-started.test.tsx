import { expect, waitUntil } from '@open-wc/testing';
import type { GettingStarted as Checklist, GettingStartedStep } from '../../../shared/admin-types.ts';
import { before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { ChecklistView, GettingStarted, step } from './getting-started.tsx';

const ORDER: GettingStartedStep[] = ['instagram', 'webhooks', 'source', 'brand', 'terms', 'catalog', 'gallery', 'origins', 'embed'];
const checklist = (done: GettingStartedStep[], publicOriginProblem: string | null = null): Checklist => ({
  steps: ORDER.map((id) => ({ id, done: done.includes(id) })),
  publicOrigin: 'https://ugc.shop.example',
  publicOriginProblem,
});

describe('getting-started checklist', () => {
  before(signIn);

  it('reads the demo workspace from the server: what the seed did is ticked, and the loopback address is warned about', async () => {
    const host = mount(<GettingStarted />);
    try {
      await waitUntil(() => host.querySelector('.getting-started li'), 'the checklist did not show');
      expect([...host.querySelectorAll('li[data-step]')].map((li) => li.getAttribute('data-step'))).to.deep.equal(ORDER);
      // The demo seed set these; no test file undoes them (others may tick the rest meanwhile).
      for (const step of ['brand', 'terms', 'catalog', 'gallery']) expect(host.querySelector(`[data-step="${step}"]`)!.getAttribute('data-done'), step).to.equal('true');
      expect(host.querySelector('.public-address')!.textContent).to.match(/^Links point at http:\/\/localhost:\d+, which shoppers and authors cannot open .*VITRINE_PUBLIC_URL/);
    } finally {
      unmount(host);
    }
  });

  it('links each step left to the page where it is done and strikes the steps done', () => {
    const host = mount(<ChecklistView checklist={checklist(['brand', 'terms'])} />);
    try {
      expect(host.querySelector('h2')!.textContent).to.contain('7 steps left');
      const instagram = host.querySelector('[data-step="instagram"] a')!;
      expect([instagram.textContent, instagram.getAttribute('href')]).to.deep.equal([step('instagram').label, '/panel/instagram']);
      expect(host.querySelector('[data-step="brand"] a')).to.equal(null);
      expect(host.querySelector('[data-step="brand"] s')!.textContent).to.equal(step('brand').label);
      expect(host.querySelector('[data-step="brand"]')!.textContent).to.contain('(done)');
      expect(host.querySelector('.public-address')).to.equal(null);
    } finally {
      unmount(host);
    }
  });

  it('says what webhooks change and sends that step to the Instagram page, where reconnecting subscribes the Page', () => {
    const host = mount(<ChecklistView checklist={checklist(['instagram'])} />);
    try {
      const link = host.querySelector('[data-step="webhooks"] a')!;
      expect([link.textContent, link.getAttribute('href')]).to.deep.equal(['Receive Instagram webhooks', '/panel/instagram']);
      expect(host.querySelector('[data-step="webhooks"]')!.textContent).to.contain('replies and mentions are only checked every 10 minutes');
      // Right after Instagram in the list.
      expect(host.querySelector('[data-step="instagram"]')!.nextElementSibling?.getAttribute('data-step')).to.equal('webhooks');
    } finally {
      unmount(host);
    }
  });

  it('sends the handle and hashtag step to the Instagram page once an account is connected, where they are offered filled in', () => {
    const before = mount(<ChecklistView checklist={checklist([])} />);
    const after = mount(<ChecklistView checklist={checklist(['instagram'])} />);
    try {
      expect(before.querySelector('[data-step="brand"] a')!.getAttribute('href')).to.equal('/panel/settings');
      expect(after.querySelector('[data-step="brand"] a')!.getAttribute('href')).to.equal('/panel/instagram');
    } finally {
      unmount(before);
      unmount(after);
    }
  });

  it("lists the store pages whose visits were refused while the store's address is not allowed, one click from allowed", async () => {
    const status = (await fetch('/__fixture/events-from', { method: 'POST', body: JSON.stringify({ origin: 'https://checklist-store-test.example' }) })).status;
    expect(status).to.equal(403);
    const waiting = mount(<ChecklistView checklist={checklist(['instagram'])} />);
    const allowed = mount(<ChecklistView checklist={checklist(['origins'])} />);
    try {
      await waitUntil(() => waiting.querySelector('.refused-origins code'), 'the refused page was not listed');
      expect([...waiting.querySelectorAll('.refused-origins code')].map((code) => code.textContent)).to.include('https://checklist-store-test.example');
      expect(waiting.querySelector('.refused-origins button')!.textContent).to.match(/^Allow https:\/\//);
      // Once an address is allowed, the step is done and the list is not shown there.
      expect(allowed.querySelector('.refused-origins')).to.equal(null);
    } finally {
      unmount(waiting);
      unmount(allowed);
    }
  });

  it('is gone once every step is done, leaving only a warning about the public address if there is one', () => {
    const complete = mount(<ChecklistView checklist={checklist(ORDER)} />);
    const warned = mount(<ChecklistView checklist={checklist(ORDER, 'Links point at http://127.0.0.1:8787…')} />);
    try {
      expect(complete.textContent).to.equal('');
      expect(warned.querySelector('.getting-started')).to.equal(null);
      expect(warned.querySelector('.public-address')!.textContent).to.equal('Links point at http://127.0.0.1:8787…');
    } finally {
      unmount(complete);
      unmount(warned);
    }
  });
});
