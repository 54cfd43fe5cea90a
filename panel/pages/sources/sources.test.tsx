import { expect, waitUntil } from '@open-wc/testing';
import type { ModerationRule } from '../../../shared/admin-types.ts';
import { api } from '../../api.ts';
import { EMPTY_FILTERS } from '../../stores/inbox.ts';
import { $session } from '../../stores/session.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { InboxPage } from '../inbox/inbox.tsx';
import { InstagramPage } from '../instagram/instagram.tsx';
import { SourcesPage } from './sources.tsx';

/**
 * Connecting the fixture's fake Instagram account the way a merchandiser does, then adding a
 * hashtag source and collecting it now: the weekly hashtag quota counts it. The fake account's
 * id and token come from the fixture facts (web-test-runner.config.mjs); without them, the
 * tests are skipped and say why. The account is disconnected at the end.
 */
interface FixtureFacts {
  instagram?: { igUserId: string; accessToken: string };
}

/** A hashtag no other test queries, so the quota moves by exactly one. */
const HASHTAG = 'wtrsourcestest';
/** In the caption of every post this file has the fake publish, to find them (and hide them) after. */
const MARK = 'wtrsourcesmark';
/** A word an auto-moderation rule blocks. */
const BLOCKED = 'wtrblockedword';

/** A customer posts on the fake Instagram (the fixture's own endpoint). */
async function publish(input: { author: string; caption: string; hashtags: string[]; mediaType?: 'IMAGE' | 'VIDEO' }): Promise<void> {
  const response = await fetch('/__fixture/instagram/publish', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  if (!response.ok) throw new Error(`the fake did not publish (HTTP ${response.status})`);
}

async function markedPosts(): Promise<string[]> {
  const ids: string[] = [];
  for (const status of ['pending', 'approved', 'rejected'] as const) ids.push(...(await api.posts({ ...EMPTY_FILTERS, q: MARK, status }, null, 100)).posts.map((p) => p.id));
  return ids;
}

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const button = (root: ParentNode, label: RegExp) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(b.textContent ?? ''));
const quotaUsed = () => Number($('.quota')?.getAttribute('data-quota-used') ?? NaN);
const sourceRow = () => [...document.querySelectorAll('.sources tbody tr')].find((row) => row.textContent?.includes(`#${HASHTAG}`));

function fill(form: HTMLFormElement, name: string, value: string): void {
  const field = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

describe('instagram and sources pages', () => {
  let facts: FixtureFacts;
  let host: HTMLElement | undefined;
  before(async () => {
    facts = (await (await fetch('/__fixture.json')).json()) as FixtureFacts;
    // A fixture without the fake account is a broken test setup: fail, never skip.
    if (!facts.instagram) throw new Error('/__fixture.json has no `instagram` ({ igUserId, accessToken } of the fake account)');
    await signIn();
  });
  let rule: ModerationRule | undefined;
  after(async () => {
    if (host) unmount(host);
    // Leaves the inbox as seeded for the other test files, and no account connected.
    const ids = await markedPosts();
    if (ids.length > 0) await api.moderate(ids, 'hidden');
    if (rule) await api.deleteRule(rule.id);
    const { connections } = await api.connections().catch(() => ({ connections: [] }));
    for (const connection of connections) await api.disconnect(connection.id);
  });

  it('refuses a token Instagram refuses, naming it; connects with a good one and never shows it', async () => {
    host = mount(<InstagramPage />, { height: 2000 });
    await waitUntil(() => $('section')?.textContent?.includes('No account is connected yet.'), 'the empty list did not show');
    const form = $<HTMLFormElement>('form[aria-labelledby="connect-title"]')!;
    fill(form, 'igUserId', facts.instagram!.igUserId);
    fill(form, 'accessToken', 'not-the-token-at-all-0000000000');
    button(form, /^Connect$/)!.click();
    await waitUntil(() => form.querySelector('.form-error'), 'the refusal did not show');
    const token = form.querySelector<HTMLInputElement>('[name=accessToken]')!;
    expect(token.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement).to.equal(token);
    expect(token.type).to.equal('password');

    fill(form, 'accessToken', facts.instagram!.accessToken);
    button(form, /^Connect$/)!.click();
    await waitUntil(() => $('.connection'), 'the account did not show as connected');
    expect($('.connection')?.textContent).to.contain('Connected').and.contain(facts.instagram!.igUserId);
    // Connected: the connect form is folded away, not left on screen as if nothing happened.
    await waitUntil(() => $('details.connect-another'), 'the connect form stayed open');
    expect($<HTMLDetailsElement>('details.connect-another')!.open).to.equal(false);
    expect($('details.connect-another form[aria-labelledby="connect-title"]')).to.not.equal(null);
    await waitUntil(() => !Number.isNaN(quotaUsed()), 'the hashtag quota did not show');
    expect(document.body.textContent).to.not.contain(facts.instagram!.accessToken);
    expect(token.value).to.equal('');
    unmount(host);
    host = undefined;
  });

  it('shows the hashtag quota before adding a hashtag, counts it once collected, and collects now', async () => {
    host = mount(<SourcesPage />, { height: 3000 });
    await waitUntil(() => $('form[aria-labelledby="add-source-title"]'), 'the add-source form did not show');
    const form = $<HTMLFormElement>('form[aria-labelledby="add-source-title"]')!;
    await waitUntil(() => !Number.isNaN(quotaUsed()), 'the quota did not show');
    const before = quotaUsed();
    expect($('.quota')?.textContent).to.contain(`${before} of 30 hashtags used this week`);
    expect(form.querySelector('.quota-hint')?.textContent).to.contain(`${before} of 30 hashtags used this week`);

    fill(form, 'kind', 'hashtag');
    fill(form, 'hashtag', `#${HASHTAG}`);
    button(form, /^Add source$/)!.click();
    await waitUntil(() => sourceRow(), 'the new source did not show in the list');
    expect(sourceRow()?.textContent).to.contain('Collecting').and.contain('Last run never');

    // Two customers post with the hashtag: a video, and a photo whose caption a rule blocks.
    rule = await api.createRule({ kind: 'blocked_word', value: BLOCKED });
    await publish({ author: 'wtr.video', caption: `${MARK} a reel`, hashtags: [HASHTAG], mediaType: 'VIDEO' });
    await publish({ author: 'wtr.blocked', caption: `${MARK} ${BLOCKED} here`, hashtags: [HASHTAG] });
    button(sourceRow()!, /Collect now/)!.click();
    await waitUntil(() => sourceRow()?.querySelector('.run-result'), 'the run did not report');
    expect(sourceRow()!.querySelector('.run-result')?.textContent).to.match(/^Found 2 new posts[.;]/);
    expect(sourceRow()?.textContent).to.not.contain('Last run never');
    await waitUntil(() => quotaUsed() === before + 1, 'the quota did not count the hashtag');
    expect($('.quota')?.textContent).to.contain(`${before + 1} of 30 hashtags used this week`);

    // Pausing is a PATCH; the list says so at once.
    button(sourceRow()!, /^Pause$/)!.click();
    await waitUntil(() => sourceRow()?.textContent?.includes('Paused'), 'pausing did not show');
    unmount(host);
    // Back on the page later: the last run's result is still there, kept by the server.
    host = mount(<SourcesPage />, { height: 3000 });
    await waitUntil(() => sourceRow()?.querySelector('.run-result'), 'the last run was forgotten on reload');
    expect(sourceRow()!.querySelector('.run-result')?.textContent).to.match(/^Found 2 new posts[.;]/);
    unmount(host);
    host = undefined;
  });

  it('shows in the inbox which rule filtered a post and why, and puts it back in the queue; badges sources and videos', async () => {
    host = mount(<InboxPage />);
    const search = document.querySelector<HTMLInputElement>('.filters input[type=search]')!;
    search.value = MARK;
    search.dispatchEvent(new Event('input', { bubbles: true }));
    // Hashtag search never tells the author: rows are known by their captions.
    const row = (caption: string) => [...document.querySelectorAll<HTMLElement>('.post-row')].find((r) => r.textContent?.includes(caption));
    await waitUntil(() => row('a reel'), 'the collected video did not show in the pending view');
    const video = row('a reel')!;
    expect([...video.querySelectorAll('.badge')].map((b) => b.textContent)).to.include.members(['Video', `#${HASHTAG}`]);

    button(document, /^Rejected/)!.click();
    await waitUntil(() => row(BLOCKED), 'the post the rule rejected did not show');
    row(BLOCKED)!.click();
    await waitUntil(() => document.querySelector('.preview .rule-note'), 'the preview did not say a rule decided');
    const note = document.querySelector('.preview .rule-note')!;
    expect(note.textContent).to.contain(`Blocked word: ${BLOCKED}`);
    expect(note.textContent).to.contain(BLOCKED).and.contain('Why:');
    button(note, /Put back in the queue/)!.click();
    await waitUntil(() => !row(BLOCKED), 'the post did not leave the rejected view');
    const [blocked] = (await api.posts({ ...EMPTY_FILTERS, q: `${MARK} ${BLOCKED}` }, null, 10)).posts;
    expect(blocked?.moderation.status).to.equal('pending');
  });

  it('shows analysts the accounts, quota and sources without a form or a button to change them', async () => {
    if (host) unmount(host);
    const owner = $session.get()!;
    // The server refuses analysts' changes (access.api.test.ts); the panel hides what would fail.
    $session.set({ ...owner, role: 'analyst' });
    try {
      host = mount(<SourcesPage />, { height: 3000 });
      await waitUntil(() => sourceRow() && !Number.isNaN(quotaUsed()), 'the sources did not load');
      expect(document.querySelectorAll('form, input, select').length).to.equal(0);
      expect(sourceRow()!.querySelectorAll('button').length).to.equal(0);
      unmount(host);
      host = mount(<InstagramPage />, { height: 2000 });
      await waitUntil(() => $('.connection'), 'the account did not load');
      expect(document.querySelectorAll('form, input, button').length).to.equal(0);
    } finally {
      $session.set(owner);
    }
  });
});
