import { describe, expect, it } from 'vitest';
import { renderRightsPage, type RightsPageView } from './page.ts';
import { PAGE_LANGUAGES, PAGE_TEXT, pickLanguage } from './page-text.ts';

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

  it.each(PAGE_LANGUAGES)('in %s, says every state in its own words and writes dates in its own locale', (lang) => {
    const english = PAGE_TEXT.en;
    const t = PAGE_TEXT[lang];
    const granted = renderRightsPage({ ...view(lang, null), state: 'granted', since: '2026-03-05T10:00:00Z' }, 'n');
    expect(granted).toContain(`<html lang="${lang}">`);
    expect(granted).toContain(t.withdraw);
    // The month is written in the page's language ("March" only in English).
    const march = new Date('2026-03-05T10:00:00Z').toLocaleDateString(lang, { month: 'long' });
    expect(granted).toContain(march);
    if (lang !== 'en') {
      expect(granted).not.toContain('March');
      // No string is left in English, except where the words are the same (a brand, a number).
      for (const key of Object.keys(english) as (keyof typeof english)[]) {
        if (typeof english[key] === 'string') expect(t[key], `${lang}.${key}`).not.toBe(english[key]);
      }
      expect(t.scopes.website).not.toBe(english.scopes.website);
    }
  });

  it('picks the language asked for, then the browser\'s, then the request\'s, then English', () => {
    expect(pickLanguage('it', 'de-DE,de;q=0.9', 'fr')).toBe('it');
    expect(pickLanguage(undefined, 'es-ES,es;q=0.9,en;q=0.5', 'fr')).toBe('es');
    expect(pickLanguage('xx', 'pt-BR', 'de')).toBe('de');
    expect(pickLanguage(undefined, undefined, 'pt')).toBe('en');
  });
});
