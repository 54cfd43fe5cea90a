import { expect, waitUntil } from '@open-wc/testing';
import { api } from '../api.ts';
import { money } from '../components/money.ts';
import { percent } from '../pages/reports/report-format.ts';
import { App } from '../app.tsx';
import { ChecklistView } from '../pages/inbox/getting-started.tsx';
import { InboxPage } from '../pages/inbox/inbox.tsx';
import { SettingsPage } from '../pages/settings/settings.tsx';
import { SignInPage } from '../pages/sign-in/sign-in.tsx';
import { $router } from '../stores/router.ts';
import { $session, startSession } from '../stores/session.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../testing/harness.tsx';
import EN from './en.ts';
import FR from './fr.ts';
import { $locale, browserLocale, formatDate, formatNumber, setLocale, t, tn } from './i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const text = (host: HTMLElement, selector: string) => host.querySelector(selector)?.textContent?.trim();

describe('the panel’s languages', () => {
  before(signIn);
  after(() => setLocale('en'));

  it('runs in an English browser, so the other tests read the panel in English', () => {
    expect(navigator.language).to.match(/^en\b/);
    expect(browserLocale()).to.equal('en');
    expect($locale.get()).to.equal('en');
    expect(document.documentElement.lang).to.equal('en');
  });

  it('takes the first of the browser’s languages it speaks, else English', () => {
    expect(browserLocale(['fr-CA', 'en-US'])).to.equal('fr');
    expect(browserLocale(['de-DE', 'FR'])).to.equal('fr');
    expect(browserLocale(['de-DE', 'es'])).to.equal('en');
    expect(browserLocale([])).to.equal('en');
  });

  it('has every English message in French, with the same values to fill in', () => {
    expect(Object.keys(FR).sort()).to.deep.equal(Object.keys(EN).sort());
    for (const [key, english] of Object.entries(EN)) {
      const french = FR[key as keyof typeof FR];
      expect(french.trim(), key).to.not.equal('');
      expect(placeholders(french), key).to.deep.equal(placeholders(english));
    }
  });

  it('writes dates, numbers and counts the French way', async () => {
    await setLocale('fr');
    expect(document.documentElement.lang).to.equal('fr');
    expect(formatDate(Date.UTC(2026, 11, 6, 12))).to.equal('06/12/2026');
    expect(formatNumber(1234.5)).to.equal('1\u202f234,5');
    // French counts 0 and 1 in the singular.
    expect(tn('steps.left', 1)).to.equal('plus qu’1 étape');
    expect(tn('steps.left', 6)).to.equal('encore 6 étapes');
    expect(money(12900, 'EUR')).to.match(/^129,00\s€$/);
    expect(percent(0.123)).to.match(/^12,3\s%$/);
    await setLocale('en');
    expect(money(12900, 'EUR')).to.equal('€129.00');
    expect(percent(0.123)).to.equal('12.3%');
    expect(formatDate(Date.UTC(2026, 11, 6, 12))).to.equal('12/6/2026');
    expect(t('nav.inbox')).to.equal('Inbox');
  });

  it('shows sign-in, the getting-started checklist, the inbox and the settings in French', async () => {
    await setLocale('fr');
    const hosts: HTMLElement[] = [];
    try {
      const signInPage = mount(<SignInPage />);
      hosts.push(signInPage);
      expect(text(signInPage, 'h1')).to.equal('Connexion à Vitrine');
      expect(text(signInPage, 'button[type=submit]')).to.equal('Se connecter');
      expect(signInPage.querySelector('input[name=password]')!.closest('label')!.textContent).to.contain('Mot de passe');

      const checklist = mount(<ChecklistView checklist={{ steps: [{ id: 'instagram', done: false }, { id: 'brand', done: true }], publicOrigin: 'https://ugc.example', publicOriginProblem: null }} />);
      hosts.push(checklist);
      expect(text(checklist, 'h2')).to.equal('Premiers pas plus qu’1 étape');
      expect(text(checklist, '[data-step="instagram"] a')).to.equal('Connecter Instagram');
      expect(checklist.querySelector('[data-step="brand"]')!.textContent).to.contain('(fait)');

      const inbox = mount(<InboxPage />, { height: 900 });
      hosts.push(inbox);
      expect(text(inbox, 'h1')).to.equal('Boîte de réception');
      expect([...inbox.querySelectorAll('.tabs button')].map((b) => b.firstChild!.textContent)).to.deep.equal(['En attente', 'Approuvées', 'Refusées', 'Masquées']);
      expect(inbox.querySelector('[role=listbox]')!.getAttribute('aria-label')).to.equal('Publications');
      // The list's dates, the French way (day first), as the posts' own dates give them.
      await waitUntil(() => inbox.querySelector('.post-row .row-head .muted'), 'no post listed');
      const row = inbox.querySelector<HTMLElement>('.post-row')!;
      const post = await api.post(row.dataset.postId!);
      const shown = row.querySelector('.row-head .muted')!.textContent!;
      expect(shown).to.match(/^\d{2}\/\d{2}\/\d{4}$/);
      const collected = new Date(post.collectedAt);
      expect(shown).to.equal(`${String(collected.getDate()).padStart(2, '0')}/${String(collected.getMonth() + 1).padStart(2, '0')}/${collected.getFullYear()}`);

      const settings = mount(<SettingsPage />, { height: 3000 });
      hosts.push(settings);
      await waitUntil(() => settings.querySelector('#workspace-title'), 'the settings did not load');
      expect(text(settings, 'h1')).to.equal('Paramètres');
      expect(text(settings, '#workspace-title')).to.equal('Espace de travail');
      expect(text(settings, '#password-title')).to.equal('Votre mot de passe');
      expect(settings.querySelector('input[name=name]')!.closest('label')!.textContent).to.contain('Nom de la marque');
    } finally {
      hosts.forEach(unmount);
      await setLocale('en');
    }
  });

  it('switches from the top bar: saved on the user’s account, the panel re-rendered in place, <html lang> following', async () => {
    // A member of their own: the demo owner's language, which other test files read, stays as it is.
    const email = `lang-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { acceptUrl } = await api.invite({ email, role: 'merchandiser' });
    const token = new URL(acceptUrl).hash.replace('#token=', '');
    await startSession(await api.acceptInvitation({ token, name: 'Léa', password: 'a long enough password' }));
    expect($session.get()!.user.locale).to.equal(null);

    $router.open('/panel/', true);
    const host = mount(<App />, { height: 900 });
    try {
      const nav = () => [...host.querySelectorAll('nav[aria-label] a')].map((a) => a.textContent);
      await waitUntil(() => nav().includes('Inbox'), 'the panel did not show in English');
      const inboxHeading = host.querySelector('#inbox-title');
      const select = host.querySelector<HTMLSelectElement>('.language select')!;
      expect(select.closest('label')!.textContent).to.contain('Language');
      expect(select.value).to.equal('browser');

      select.value = 'fr';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => nav().includes('Boîte de réception'), 'the panel did not switch to French');
      expect(nav()).to.include.members(['Droits d’utilisation', 'Paramètres', 'Galeries']);
      expect(document.documentElement.lang).to.equal('fr');
      expect(host.querySelector('.language')!.textContent).to.contain('Langue');
      expect(text(host, '#inbox-title')).to.equal('Boîte de réception');
      // Re-rendered, not re-mounted: the page in place is the same element.
      expect(host.querySelector('#inbox-title')).to.equal(inboxHeading);
      expect((await api.session()).user.locale).to.equal('fr');

      // Back to the browser's language: English here, and the choice cleared on the account.
      const again = host.querySelector<HTMLSelectElement>('.language select')!;
      again.value = 'browser';
      again.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => nav().includes('Inbox'), 'the panel did not switch back');
      expect(document.documentElement.lang).to.equal('en');
      expect((await api.session()).user.locale).to.equal(null);
    } finally {
      unmount(host);
    }
  });
});
