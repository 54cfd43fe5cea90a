import { expect, fixture, html } from '@open-wc/testing';
import type { VitrineGallery } from '../gallery/gallery.ts';
import { describe, it } from '../testing/mocha.ts';
import { fixtureFacts, openDialog, settled, shadow, tileButton } from '../testing/gallery.ts';
import { languageOf, withOverrides } from './load.ts';
import { EN } from './strings.ts';
import de from './de.ts';
import es from './es.ts';
import fr from './fr.ts';
import it_ from './it.ts';
import nl from './nl.ts';

describe('the widget in the shopper’s language', () => {
  it('speaks the element’s language, loaded only when chosen: the gallery and its lightbox in French', async () => {
    const facts = await fixtureFacts();
    const before = performance.getEntriesByType('resource').filter((entry) => /\/i18n\/fr\.ts/.test(entry.name)).length;
    const element = await settled(await fixture<VitrineGallery>(html`<vitrine-gallery lang="fr" gallery=${facts.galleryId} limit="2"></vitrine-gallery>`));
    expect(performance.getEntriesByType('resource').filter((entry) => /\/i18n\/fr\.ts/.test(entry.name)).length).to.be.at.least(Math.max(before, 1));
    expect(shadow(element).querySelector('[part~="load-more"]')?.textContent?.trim()).to.equal('Voir plus');

    tileButton(element, facts.publicPostIds[0]!).click();
    const dialog = await openDialog(element);
    expect(dialog.querySelector('[part~="close"]')?.getAttribute('aria-label')).to.equal('Fermer');
    expect(dialog.querySelector('[part~="title"]')?.textContent).to.match(/^Photo de @|^Photo d’un client$/);
    const products = dialog.querySelector('.products-title');
    if (products) expect(products.textContent).to.equal('Acheter ce look');
    const add = dialog.querySelector('[part~="add-to-cart"]');
    if (add) expect(add.textContent?.trim()).to.equal('Ajouter au panier');
    dialog.querySelector<HTMLButtonElement>('[part~="close"]')!.click();
  });

  it('takes the merchant’s own words over any language’s, from the strings attribute', async () => {
    const facts = await fixtureFacts();
    const element = await settled(
      await fixture<VitrineGallery>(html`<vitrine-gallery lang="de" gallery=${facts.galleryId} limit="2" strings=${JSON.stringify({ loadMore: 'Noch mehr Looks' })}></vitrine-gallery>`),
    );
    expect(shadow(element).querySelector('[part~="load-more"]')?.textContent?.trim()).to.equal('Noch mehr Looks');
    expect(shadow(element).querySelector('[part~="load-more"]')?.getAttribute('aria-busy')).to.equal('false');
  });

  it('reads the language from the element, then the page, then the browser; unknown languages get English', async () => {
    const page = await fixture<HTMLElement>(html`<section lang="it-IT"><div><span id="inner"></span></div><span id="own" lang="NL"></span></section>`);
    expect(languageOf(page.querySelector('#inner')!)).to.equal('it');
    expect(languageOf(page.querySelector('#own')!)).to.equal('nl');
    const loose = document.createElement('span');
    document.documentElement.removeAttribute('lang');
    expect(languageOf(loose)).to.equal(navigator.language.slice(0, 2).toLowerCase());
    const facts = await fixtureFacts();
    const element = await settled(await fixture<VitrineGallery>(html`<vitrine-gallery lang="tlh" gallery=${facts.galleryId} limit="2"></vitrine-gallery>`));
    expect(shadow(element).querySelector('[part~="load-more"]')?.textContent?.trim()).to.equal(EN.loadMore);
  });

  it('ignores what is not one of its strings, and a strings attribute that is not JSON', () => {
    expect(withOverrides(EN, JSON.stringify({ loadMore: 'More', nope: 'x', close: 3 }))).to.deep.equal({ ...EN, loadMore: 'More' });
    expect(withOverrides(EN, '{not json')).to.equal(EN);
  });

  it('has every string in every language, with the same {values}', () => {
    const values = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();
    for (const [name, strings] of Object.entries({ fr, de, es, it: it_, nl })) {
      expect(Object.keys(strings).sort(), name).to.deep.equal(Object.keys(EN).sort());
      for (const key of Object.keys(EN) as (keyof typeof EN)[]) expect(values(strings[key]), `${name}.${key}`).to.equal(values(EN[key]));
    }
  });
});
