import { expect, waitUntil } from '@open-wc/testing';
import type { Terms } from '../../../shared/admin-types.ts';
import { api } from '../../api.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { PublishTerms, RightsPage, TermsHistory } from './rights.tsx';
import { STARTER_TERMS } from './starter-terms.ts';

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

describe('a workspace without terms', () => {
  it('says there are none yet, not that the English ones apply, when no terms exist at all', () => {
    const none = mount(
      <>
        <TermsHistory language="en" versions={[]} englishExists={false} />
        <TermsHistory language="fr" versions={[]} englishExists={false} />
      </>,
    );
    const frenchOnlyMissing = mount(<TermsHistory language="fr" versions={[]} englishExists />);
    try {
      for (const language of ['en', 'fr']) {
        const text = none.querySelector(`[data-language="${language}"]`)!.textContent!;
        expect(text, language).to.contain('No terms yet');
        expect(text, language).to.not.contain('use the English terms');
      }
      expect(frenchOnlyMissing.textContent).to.contain('No terms in this language: requests in it use the English terms.');
    } finally {
      unmount(none);
      unmount(frenchOnlyMissing);
    }
  });

  it('starts the first version from a starting text in the chosen language, to review and publish in one step', async () => {
    const host = mount(<PublishTerms versions={() => []} onPublished={() => undefined} />);
    try {
      const form = host.querySelector<HTMLFormElement>('form.publish-terms')!;
      expect(form.querySelector('h2')!.textContent).to.equal('Publish your first terms in English');
      expect(form.querySelector('.starter-note')!.textContent).to.contain('starting text');
      expect(input(form, 'title').value).to.equal(STARTER_TERMS.en.title);
      expect(input<HTMLTextAreaElement>(form, 'body').value).to.equal(STARTER_TERMS.en.body);
      expect([...form.querySelectorAll<HTMLInputElement>('[name="scope"]:checked')].map((box) => box.value)).to.deep.equal(['website']);
      expect(input(form, 'durationDays').value).to.equal('');
      expect(form.querySelector('button[type=submit]')!.textContent).to.equal('Publish version 1');
      // Valid as it stands: the one click publishes it.
      expect(form.checkValidity()).to.equal(true);

      const language = input<HTMLSelectElement>(form, 'language');
      language.value = 'fr';
      language.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => input(form, 'title').value === STARTER_TERMS.fr.title, 'the French starting text did not replace the English one');
      expect(input<HTMLTextAreaElement>(form, 'body').value).to.equal(STARTER_TERMS.fr.body);
    } finally {
      unmount(host);
    }
  });
});
