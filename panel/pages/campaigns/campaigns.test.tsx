import { expect, waitUntil } from '@open-wc/testing';
import { now } from '../../clock.ts';
import { setLocale } from '../../i18n/i18n.ts';
import { api } from '../../api.ts';
import { advanceFixtureClock, after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { CampaignsPage } from './campaigns.tsx';

const DAY = 86_400_000;
const field = (name: string) => document.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${name}"]`)!;
const button = (label: string) => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label)!;
/** A datetime-local input's value for an instant, in the browser's zone. */
const local = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

describe('campaigns page', () => {
  let host: HTMLElement;
  // Its own campaign, under an id no other test uses.
  const id = `panel-${Math.random().toString(36).slice(2, 10)}`;
  before(async () => {
    await signIn();
    host = mount(<CampaignsPage />, { height: 2400 });
    await waitUntil(() => button('New campaign'), 'the page did not load');
  });
  after(() => host && unmount(host));

  it('names the field the API refuses, then creates a campaign with rules and links its entries to the inbox', async () => {
    button('New campaign').click();
    await waitUntil(() => field('id'), 'no form');
    field('id').value = id;
    field('name').value = 'Panel contest';
    field('hashtag').value = '#not a tag';
    field('startsAt').value = local(now() - 30 * DAY);
    field('endsAt').value = local(now() + 7 * DAY);
    field('rulesTitle').value = 'Official rules';
    field('rulesBody').value = 'One entry per person; winners drawn at random.';
    button('Create campaign').click();
    await waitUntil(() => document.querySelector('.form-error'), 'the refusal was not shown');
    expect(document.querySelector('.form-error')?.textContent).to.match(/^Hashtag must be a hashtag/);
    expect(field('hashtag').getAttribute('aria-invalid')).to.equal('true');

    field('hashtag').value = '#YesLumen';
    button('Create campaign').click();
    await waitUntil(() => document.querySelector('h2')?.textContent === 'Panel contest', 'the campaign was not created');
    expect(document.body.textContent).to.match(/Version 1, SHA-256 [0-9a-f]{64}/);
    const entries = document.querySelector<HTMLAnchorElement>(`a[href="/panel/?campaign=${id}"]`);
    expect(entries?.textContent).to.match(/^\d+ \(\d+ eligible\)$/);
  });

  it('schedules the draw and shows the seed hash it publishes', async () => {
    button('Schedule draw').click();
    await waitUntil(() => /Seed hash \(SHA-256\): [0-9a-f]{64}/.test(document.body.textContent ?? ''), 'no seed hash');
    expect(button('Run the draw now').disabled).to.equal(true);
  });

  it('speaks French: the list, the editor and the draw', async () => {
    await setLocale('fr');
    try {
      // The page alone (no app around it to follow the language): shown again, in French.
      unmount(host);
      host = mount(<CampaignsPage />, { height: 2400 });
      await waitUntil(() => button('Nouvelle campagne'), 'the page did not load in French');
      expect(document.querySelector('h1')?.textContent).to.equal('Campagnes');
      await waitUntil(() => document.querySelector('th'), 'the list did not load');
      const headers = [...document.querySelectorAll('th')].map((th) => th.textContent?.trim());
      expect(headers).to.include.members(['Campagne', 'Participations', 'Tirage au sort']);
      const entries = document.querySelector<HTMLAnchorElement>(`a[href="/panel/?campaign=${id}"]`);
      expect(entries?.textContent).to.match(/^\d+ \(\d+ éligibles\)$/);
      button('Panel contest').click();
      await waitUntil(() => document.querySelector('section[aria-label="Tirage au sort"]'), 'the editor did not open');
      expect(document.querySelector('section[aria-label="Tirage au sort"] h3')?.textContent).to.equal('Tirage au sort');
      expect(document.body.textContent).to.match(/Empreinte de la graine \(SHA-256\) : [0-9a-f]{64}/);
      expect(button('Lancer le tirage maintenant').disabled).to.equal(true);
      expect(document.body.textContent).to.include('Règlement officiel : titre');
    } finally {
      await setLocale('en');
    }
  });

  it('shows the winners of a draw with their message to copy, in either language, and records that it was sent', async () => {
    // A campaign on the demo's own hashtag, ending in a second: drawn for real a few seconds later.
    const drawnId = `${id}-win`;
    await api.createCampaign({ id: drawnId, name: 'Reading corner', hashtag: 'yeslumen', startsAt: new Date(now() - 90 * DAY).toISOString(), endsAt: new Date(now() + 1000).toISOString(), status: 'published', prizes: ['A Lumen lamp'] });
    await api.scheduleDraw(drawnId, new Date(now() + 2000).toISOString());
    await advanceFixtureClock(3000);
    const drawn = await api.runDraw(drawnId);
    expect(drawn.winners).to.have.length(1);

    unmount(host);
    host = mount(<CampaignsPage />, { height: 3200 });
    await waitUntil(() => button('Reading corner'), 'the list did not load');
    button('Reading corner').click();
    const winners = () => document.querySelector('section[aria-label="Winners"]');
    await waitUntil(() => winners()?.querySelector('textarea'), 'no winner messages');
    const areas = () => [...winners()!.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')].map((a) => a.value);
    const message = areas().find((v) => v.startsWith('Congratulations') && v.includes('\n\n'))!;
    expect(message).to.include('was drawn as a winner among');
    expect(message).to.include('You win: A Lumen lamp.');
    expect(message).to.include(`/v1/campaigns/${drawnId}/draw`);
    // A demo post comes from Instagram: its author also gets the short reply.
    const short = areas().find((v) => v.startsWith('Congratulations @') && !v.includes('\n'))!;
    expect(short.length).to.be.at.most(300);
    expect(winners()!.textContent).to.match(/Short reply for Instagram \(direct message or comment, \d+ characters\)/);
    expect([...winners()!.querySelectorAll('button')].filter((b) => b.textContent === 'Copy')).to.have.length(3);
    expect(winners()!.textContent).to.include('Not told yet.');

    winners()!.querySelector('select')!.value = 'fr';
    winners()!.querySelector('select')!.dispatchEvent(new Event('change'));
    await waitUntil(() => areas().some((v) => v.startsWith('Félicitations')), 'the message did not turn French');
    expect(areas().find((v) => v.startsWith('Félicitations') && v.includes('\n\n'))).to.include('Vous gagnez : A Lumen lamp.');

    button('Mark as sent').click();
    await waitUntil(() => /Told .+ by .+; to claim by/.test(winners()!.textContent ?? ''), 'the sending was not recorded');
    expect(button('Mark as sent')).to.equal(undefined);
  });
});
