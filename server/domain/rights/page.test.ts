import { describe, expect, it } from 'vitest';
import { renderRightsPage, type RightsPageView } from './page.ts';

const view = (lang: RightsPageView['lang'], imageUrl: string | null): RightsPageView => ({
  lang,
  action: '/r/token',
  imageUrl,
  brand: { name: 'Maison Lumen', handle: 'maisonlumen' },
  post: { caption: 'Sunday light', author: 'clara.home', permalink: null },
  terms: { version: 1, hash: 'a'.repeat(64), title: 'Usage terms', body: 'You let us show it.', scope: ['website'], durationDays: null },
  state: 'ask',
  since: null,
  formToken: 'f',
  error: null,
  notice: null,
  handle: '',
  verify: null,
  erasureDueAt: null,
});

const intro = (html: string) => /<p>(Maison Lumen [^<]*)<\/p>/.exec(html)?.[1] ?? '';

describe('the rights page', () => {
  it('points at the photo where it is: above its words, in English and French', () => {
    expect(intro(renderRightsPage(view('en', '/r/token/image'), 'n'))).toMatch(/^Maison Lumen would like to show the photo above on its site\./);
    expect(intro(renderRightsPage(view('fr', '/r/token/image'), 'n'))).toMatch(/^Maison Lumen aimerait montrer la photo ci-dessus sur son site\./);
    const html = renderRightsPage(view('en', '/r/token/image'), 'n');
    expect(html.indexOf('<img')).toBeLessThan(html.indexOf('would like to show'));
  });

  it('says "your photo" when there is none to show', () => {
    expect(intro(renderRightsPage(view('en', null), 'n'))).toMatch(/^Maison Lumen would like to show your photo on its site\./);
    expect(intro(renderRightsPage(view('en', null), 'n'))).not.toMatch(/above|below/);
  });
});
