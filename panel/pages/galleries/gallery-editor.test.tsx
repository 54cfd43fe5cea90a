import { expect, waitUntil } from '@open-wc/testing';
import type { AdminGallery } from '../../../shared/admin-types.ts';
import { api } from '../../api.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { GalleryEditor } from './gallery-editor.tsx';

/** What the fixture app was seeded with (served by web-test-runner.config.mjs). */
interface FixtureFacts {
  publicPostIds: string[];
}

const orderIds = () => [...document.querySelectorAll<HTMLElement>('.order-list li')].map((li) => li.dataset.postId ?? '');
const input = (name: string) => document.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
const previewTiles = () => {
  const gallery = document.querySelector('.live-preview vitrine-gallery');
  return [...(gallery?.shadowRoot?.querySelectorAll<HTMLElement>('[data-post-id]') ?? [])].map((tile) => tile.dataset.postId ?? '');
};

function drag(from: HTMLElement, to: HTMLElement): void {
  const dataTransfer = new DataTransfer();
  from.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer }));
  to.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }));
  to.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
  from.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer }));
}

describe('gallery editor', () => {
  let facts: FixtureFacts;
  let host: HTMLElement;
  const saved: AdminGallery[] = [];
  before(async () => {
    facts = (await (await fetch('/__fixture.json')).json()) as FixtureFacts;
    await signIn();
    host = mount(<GalleryEditor gallery={null} sources={[]} canEdit onSaved={(g) => saved.push(g)} onDeleted={() => undefined} />, { height: 2000 });
  });
  after(async () => {
    if (host) unmount(host);
    // Its own gallery only: the demo gallery, which other tests read, is never touched.
    for (const id of new Set(saved.map((g) => g.id))) await api.deleteGallery(id);
  });

  it('shows the field the API refuses', async () => {
    input('name').value = 'Panel test gallery';
    input('filters.hashtags').value = '#not-a-tag!';
    document.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => document.querySelector('.form-error'), 'the refusal was not shown');
    expect(document.querySelector('.form-error')?.textContent).to.match(/^Only posts with these hashtags must be a hashtag/);
    expect(input('filters.hashtags').getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement).to.equal(input('filters.hashtags'));
    expect(saved).to.have.length(0);
  });

  it('creates a manual gallery, reorders it by drag and drop, and the real widget shows that order', async () => {
    input('filters.hashtags').value = '';
    input('sort').value = 'manual';
    document.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => saved.length === 1, 'the gallery was not created');
    const gallery = saved[0]!;
    expect(gallery.sort).to.equal('manual');
    expect(input('name').getAttribute('aria-invalid')).to.not.equal('true');

    // The snippet to paste, ready to copy.
    const snippet = document.querySelector<HTMLTextAreaElement>('.copy-field textarea')!;
    expect(snippet.value).to.contain(`gallery="${gallery.id}"`).and.contain('/embed.js');
    // And the same gallery as a Shopify theme section, folded away.
    const shopify = [...document.querySelectorAll('details')].find((d) => d.querySelector('summary')?.textContent === 'On Shopify')!;
    const section = shopify.querySelector<HTMLTextAreaElement>('textarea')!.value;
    expect(section).to.equal(gallery.shopifySection);
    expect(section).to.contain('{% schema %}');

    // Every public post, newest first until ordered by hand.
    await waitUntil(() => orderIds().length === facts.publicPostIds.length, 'the posts to order did not load');
    expect(orderIds()).to.deep.equal(facts.publicPostIds);
    // The real loader and gallery chunk, fetched and rendered: more than waitUntil's default second on a loaded machine.
    await waitUntil(() => previewTiles()[0] === facts.publicPostIds[0], 'the live preview did not show the gallery', { timeout: 15_000 });

    const items = [...document.querySelectorAll<HTMLElement>('.order-list li')];
    const moved = facts.publicPostIds[2]!;
    drag(items[2]!, items[0]!);
    await waitUntil(() => orderIds()[0] === moved, 'the drop did not reorder the list');
    // The keyboard way: the arrow buttons.
    document.querySelector<HTMLButtonElement>(`.order-list li[data-post-id="${facts.publicPostIds[0]}"] button[aria-label$="down"]`)!.click();
    await waitUntil(() => orderIds()[2] === facts.publicPostIds[0]);
    const expected = [moved, facts.publicPostIds[1]!, facts.publicPostIds[0]!];
    expect(orderIds().slice(0, 3)).to.deep.equal(expected);

    [...document.querySelectorAll<HTMLButtonElement>('.manual-order button')].find((b) => b.textContent === 'Save order')!.click();
    await waitUntil(() => saved.length === 2, 'the order was not saved');
    expect(saved[1]!.manualOrder.slice(0, 3)).to.deep.equal(expected);
    await waitUntil(() => previewTiles().slice(0, 3).join() === expected.join(), 'the live preview did not show the saved order');
  });

  it('finds products by title or SKU and saves the chosen ones as the product filter', async () => {
    const search = document.querySelector<HTMLInputElement>('.product-picker input[type=search]')!;
    search.focus();
    search.value = 'lum-vase';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => document.querySelector('.picker-results')?.textContent?.includes('Ripple Stoneware Vase'), 'the search found nothing');
    // Enter takes the first match, and does not submit the form.
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await waitUntil(() => document.querySelector('.product-picker .chip')?.textContent?.includes('Ripple Stoneware Vase'), 'Enter did not add the product');
    expect(search.value).to.equal('');
    const count = saved.length;
    expect(count).to.equal(2);

    document.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => saved.length === count + 1, 'the gallery was not saved');
    const chosen = document.querySelector<HTMLElement>('.product-picker .chip')!.dataset.productId!;
    expect(saved[count]!.filters.productIds).to.deep.equal([chosen]);

    // Opened again, the gallery names the products it filters on, not their ids.
    const reopened = mount(<GalleryEditor gallery={saved[count]!} sources={[]} canEdit onSaved={() => undefined} onDeleted={() => undefined} />);
    try {
      await waitUntil(() => reopened.querySelector('.product-picker .chip')?.textContent?.includes('Ripple Stoneware Vase'), 'the chosen product was not named');
    } finally {
      unmount(reopened);
    }

    // Removing it clears the filter.
    document.querySelector<HTMLButtonElement>('.product-picker .chip button')!.click();
    await waitUntil(() => !document.querySelector('.product-picker .chip'), 'the product was not removed');
    document.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => saved.length === count + 2, 'the gallery was not saved again');
    expect(saved[count + 1]!.filters.productIds).to.deep.equal([]);
  });
});
