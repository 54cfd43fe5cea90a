import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PublicProduct } from '../../shared/api-types.ts';
import { describe, it } from '../testing/mocha.ts';
import { EN } from '../i18n/strings.ts';
import { productCard } from './product-card.ts';

const product = (imageUrl: string | null): PublicProduct => ({
  id: 'prod_1',
  sku: 'LAMP-1',
  title: 'Arc Table Lamp',
  price: { amount: 12900, currency: 'EUR' },
  availability: 'in_stock',
  imageUrl,
  link: 'https://shop.example/lamp',
});

describe('product card', () => {
  it('drops a product image the shop no longer serves instead of showing a broken-image icon', async () => {
    // A path on this page's own origin that answers 404: the way a removed product image fails.
    const card = await fixture<HTMLElement>(html`<div>${productCard(product('/no-such-product-image.jpg'), EN, () => {}, () => {})}</div>`);
    const image = card.querySelector<HTMLImageElement>('.product-image')!;
    image.loading = 'eager';
    await waitUntil(() => image.hidden, 'the failed image is still shown');
    expect(card.querySelector('.product-title')!.textContent).to.equal('Arc Table Lamp');
  });

  it('shows no image when the product has none', async () => {
    const card = await fixture<HTMLElement>(html`<div>${productCard(product(null), EN, () => {}, () => {})}</div>`);
    expect(card.querySelector('.product-image')).to.equal(null);
  });
});
