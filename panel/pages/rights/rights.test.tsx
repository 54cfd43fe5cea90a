import { expect, waitUntil } from '@open-wc/testing';
import type { Terms } from '../../../shared/admin-types.ts';
import { api } from '../../api.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { RightsPage } from './rights.tsx';

/**
 * The terms and the expirations, against the real API. Terms are never edited, so the version
 * this file publishes stays; it is the French text as it was, word for word, so whatever other
 * tests ask in French shows the same terms.
 */
const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const input = <T extends HTMLElement = HTMLInputElement>(form: HTMLElement, name: string) => form.querySelector<T & HTMLElement>(`[name="${name}"]`)!;
const french = (terms: Terms[]) => terms.filter((t) => t.language === 'fr').sort((a, b) => b.version - a.version);

describe('rights page', () => {
  let host: HTMLElement | undefined;
  before(async () => {
    await signIn();
    host = mount(<RightsPage />, { height: 3000 });
  });
  after(() => {
    if (host) unmount(host);
  });

  it('publishes a new version of the terms beside the old one, never over it', async () => {
    const before = french((await api.terms()).terms);
    const current = before[0]!;
    await waitUntil(() => $('.terms[data-language="fr"] .terms-version'), 'the French terms did not show');
    expect($('.terms[data-language="fr"] .terms-version')?.getAttribute('data-version')).to.equal(String(current.version));

    const form = $<HTMLFormElement>('form.publish-terms')!;
    const language = input<HTMLSelectElement>(form, 'language');
    language.value = 'fr';
    language.dispatchEvent(new Event('change', { bubbles: true }));
    const next = current.version + 1;
    await waitUntil(() => form.querySelector('button[type=submit]')?.textContent === `Publish version ${next}`, 'the form did not offer the next French version');
    expect(form.textContent).to.contain(`version ${current.version} is not changed`);
    // The form starts from the text it replaces.
    expect(input(form, 'title').value).to.equal(current.title);
    expect(input<HTMLTextAreaElement>(form, 'body').value).to.equal(current.body);
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

    await waitUntil(() => $('.terms[data-language="fr"] .terms-version')?.getAttribute('data-version') === String(next), `version ${next} did not show first`);
    const shown = $('.terms[data-language="fr"] .terms-version')!;
    expect(shown.textContent).to.contain(`Version ${next}`);
    expect(shown.textContent).to.contain('Current');
    expect($('.terms[data-language="fr"] details')?.textContent).to.contain(`Version ${current.version}`);
    await waitUntil(() => form.querySelector('button[type=submit]')?.textContent === `Publish version ${next + 1}`, 'the form did not move on to the next version');

    const after = french((await api.terms()).terms);
    expect(after.map((t) => t.version)).to.deep.equal([next, ...before.map((t) => t.version)]);
    expect(after[1]).to.deep.equal(current);
    expect(after[0]).to.include({ title: current.title, body: current.body, contentHash: current.contentHash });
  });

  it('lists the permissions that end soon', async () => {
    const expiring = $<HTMLElement>('.expiring')!;
    await waitUntil(() => expiring.textContent?.includes('No permission ends in the next 30 days') || expiring.querySelector('li'), 'the expirations did not load');
    const days = input<HTMLSelectElement>(expiring, 'days');
    days.value = '365';
    days.dispatchEvent(new Event('change', { bubbles: true }));
    // The demo grants some posts for a year from its seeding, at the start of the fixture clock
    // the panel counts from (seconds ago at most, whatever day the clock started on).
    await waitUntil(() => expiring.querySelector('li[data-post-id="post_demo01"]'), 'a post granted for a year was not listed');
    expect(expiring.querySelector('li[data-post-id="post_demo01"]')?.textContent).to.match(/@\S+ \(post_demo01\) — ends .+, in 365 days;/);
  });
});
