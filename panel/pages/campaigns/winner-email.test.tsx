import { expect, waitUntil } from '@open-wc/testing';
import type { AdminPostsPage } from '../../../shared/admin-types.ts';
import type { OutgoingMail } from '../../../server/deps.ts';
import { api } from '../../api.ts';
import { now } from '../../clock.ts';
import { advanceFixtureClock, after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { CampaignsPage } from './campaigns.tsx';

const DAY = 86_400_000;
const button = (label: string) => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label);
const mailTo = async (to: string) => (await (await fetch(`/__fixture/mailbox?to=${encodeURIComponent(to)}`)).json()) as OutgoingMail[];

describe('a winner who entered on the campaign page', () => {
  let host: HTMLElement | undefined;
  const id = `mail-${Math.random().toString(36).slice(2, 10)}`;
  const email = `${id}@example.com`;
  let postId: string | undefined;
  before(async () => {
    await signIn();
    // French rules, an entrant who wrote in English; no hashtag the demo posts carry: the submission is the one entry.
    await api.createCampaign({ id, name: 'Mailed contest', hashtag: id.replace('-', ''), startsAt: new Date(now() - DAY).toISOString(), endsAt: new Date(now() + 1000).toISOString(), status: 'published', prizes: ['A Lumen lamp'], rules: { language: 'fr', title: 'Règlement', body: 'Une participation par personne.' } });
    // The rules and terms the page showed go back with the form, as a browser's would.
    const page = await (await fetch(`/c/${id}?lang=en`)).text();
    const shown = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)![1]!;
    const form = new FormData();
    for (const [k, v] of Object.entries({ handle: 'mail.entrant', email, accept: 'yes', lang: 'en', rules_id: shown('rules_id'), terms_id: shown('terms_id') })) form.append(k, v);
    form.append('photos', new Blob(['<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"></svg>'], { type: 'image/svg+xml' }), 'p.svg');
    expect((await fetch(`/c/${id}`, { method: 'POST', body: form })).ok).to.equal(true);
    const confirm = /\/c\/[^\s]+\/confirm\/[A-Za-z0-9_-]+/.exec((await mailTo(email))[0]!.text)![0];
    expect((await fetch(confirm, { method: 'POST', body: new URLSearchParams({ action: 'confirm' }) })).ok).to.equal(true);
    const entries = (await (await fetch(`/admin/campaigns/${id}/entries`)).json()) as AdminPostsPage;
    expect(entries.posts).to.have.length(1);
    postId = entries.posts[0]!.id;
    await api.moderate([postId], 'approved');
    await api.scheduleDraw(id, new Date(now() + 2000).toISOString());
    await advanceFixtureClock(3000);
    expect((await api.runDraw(id)).winners).to.have.length(1);
  });
  // The fixture is shared by every file: the entry must not stay among the public posts other pages count.
  after(async () => {
    if (host) unmount(host);
    if (postId) await api.moderate([postId], 'rejected');
  });

  it('shows the masked address and sends the message by email, in their language, then shows it told', async () => {
    host = mount(<CampaignsPage />, { height: 3200 });
    await waitUntil(() => button('Mailed contest'), 'the list did not load');
    button('Mailed contest')!.click();
    const winners = () => document.querySelector('section[aria-label="Winners"]');
    await waitUntil(() => button('Send by email'), 'no Send by email button');
    expect(winners()!.textContent).to.include('Email address on record: m***@example.com');
    expect(winners()!.textContent).to.include('Written in English, the language they entered in.');
    expect(winners()!.textContent).not.to.include(email);

    button('Send by email')!.click();
    await waitUntil(() => /Told .+ by .+; to claim by/.test(winners()!.textContent ?? ''), 'the sending was not recorded');
    expect(button('Send by email')).to.equal(undefined);
    expect(button('Mark as sent')).to.equal(undefined);
    const sent = (await mailTo(email)).filter((m) => m.kind === 'campaign_winner');
    expect(sent).to.have.length(1);
    expect(sent[0]!.subject).to.equal('You won in Mailed contest!');
    expect(sent[0]!.text).to.match(/^Congratulations @mail\.entrant!/);
  });
});
