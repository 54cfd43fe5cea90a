import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { PublicPost } from '../../shared/api-types.ts';
import type { VitrineGallery } from '../gallery/gallery.ts';
import { axeViolations } from '../testing/axe.ts';
import { allPosts, fixtureFacts, focused, openDialog, settled, shadow, tileButton, type FixtureFacts } from '../testing/gallery.ts';
import { afterEach, before, describe, it } from '../testing/mocha.ts';
import { formatPrice } from './product-card.ts';

let facts: FixtureFacts;
let posts: PublicPost[];
before(async () => {
  facts = await fixtureFacts();
  posts = await allPosts(facts.galleryId);
});

afterEach(async () => {
  history.replaceState(null, '', location.pathname + location.search);
  await setViewport({ width: 800, height: 600 });
});

async function gallery(limit = 8, attributes = ''): Promise<VitrineGallery> {
  const element = await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit=${limit}></vitrine-gallery>`);
  for (const pair of attributes.split(' ').filter(Boolean)) element.setAttribute(...(pair.split('=') as [string, string]));
  return settled(element);
}

/** Opens a post the way a shopper does: a click on its tile. */
async function open(element: VitrineGallery, postId: string): Promise<HTMLDialogElement> {
  tileButton(element, postId).click();
  return openDialog(element);
}

const title = (dialog: HTMLDialogElement) => dialog.querySelector('#lightbox-title')?.textContent ?? '';

describe('lightbox', () => {
  it('loads on first interaction, not with the gallery', async () => {
    const element = await gallery();
    expect(shadow(element).querySelector('dialog')).to.equal(null);
    const before = performance.getEntriesByType('resource').filter((entry) => /lightbox\.ts/.test(entry.name));
    const dialog = await open(element, facts.publicPostIds[0]!);
    expect(dialog.open).to.equal(true);
    // The module was fetched on demand (or was already cached by an earlier test in this page).
    const after = performance.getEntriesByType('resource').filter((entry) => /lightbox\.ts/.test(entry.name));
    expect(after.length).to.be.at.least(before.length);
  });

  it('is a labelled modal dialog showing the post, its caption as text and its credit', async () => {
    const element = await gallery();
    const post = posts.find((p) => /<img /.test(p.caption) && facts.publicPostIds.slice(0, 8).includes(p.id))!;
    const dialog = await open(element, post.id);

    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('lightbox-title');
    expect(title(dialog)).to.equal(`Photo by @${post.author.username}`);
    expect(dialog.querySelector('[part~="lightbox-caption"]')?.textContent).to.equal(post.caption);
    expect(dialog.querySelector('[part~="lightbox-caption"]')?.children).to.have.length(0);
    const permalink = dialog.querySelector<HTMLAnchorElement>('[part~="permalink"]')!;
    expect(permalink.href).to.equal(post.permalink);
    expect(permalink.rel).to.contain('noopener');
    const media = dialog.querySelector<HTMLImageElement>('img[part~="media"]')!;
    expect(media.alt).to.not.equal('');
    expect(media.getAttribute('fetchpriority')).to.equal('high');
    expect(media.getAttribute('srcset')).to.match(/ \d+w/);
    expect(location.hash).to.equal(`#vitrine=${post.id}`);
    expect((window as { __vitrineXss?: unknown }).__vitrineXss).to.equal(undefined);
  });

  it('moves focus in, keeps it in, closes with Esc and gives focus back to the tile', async () => {
    const element = await gallery();
    const id = facts.publicPostIds[1]!;
    tileButton(element, id).focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await openDialog(element);
    await waitUntil(() => dialog.contains(focused(element)), 'focus did not move into the lightbox');
    expect(focused(element)?.getAttribute('aria-label')).to.equal('Close');

    // Tab goes round the dialog's controls and never leaves it, both ways.
    const stops = dialog.querySelectorAll('a[href], button:not([disabled])').length;
    for (let i = 0; i < stops + 2; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(focused(element)), `Tab ${i + 1} left the dialog`).to.equal(true);
    }
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < stops + 2; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(focused(element)), `Shift+Tab ${i + 1} left the dialog`).to.equal(true);
    }
    await sendKeys({ up: 'Shift' });

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(element).querySelector('dialog'), 'Esc did not close the lightbox');
    await waitUntil(() => focused(element) === tileButton(element, id), 'focus did not return to the tile');
    expect(location.hash).to.equal('');
  });

  it('moves between posts with the arrow keys and its buttons', async () => {
    const element = await gallery();
    const [first, second, third] = facts.publicPostIds;
    const dialog = await open(element, second!);

    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(location.hash).to.equal(`#vitrine=${third}`);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    expect(location.hash).to.equal(`#vitrine=${first}`);
    const previous = dialog.querySelector<HTMLButtonElement>('[part~="previous-post"]')!;
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    dialog.querySelector<HTMLButtonElement>('[part~="next-post"]')!.click();
    await element.updateComplete;
    expect(location.hash).to.equal(`#vitrine=${second}`);

    // Closing after moving gives focus to the tile of the post shown last.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused(element) === tileButton(element, second!));
  });

  it('reopens the post named in the URL (#vitrine=POST_ID), even beyond the first page', async () => {
    const target = facts.publicPostIds[6]!;
    history.replaceState(null, '', `#vitrine=${target}`);
    const element = await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="4"></vitrine-gallery>`);
    const dialog = await openDialog(element);
    const post = posts.find((p) => p.id === target)!;
    expect(title(dialog)).to.equal(`Photo by @${post.author.username}`);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(element).querySelector('dialog'));
    location.hash = `#vitrine=${facts.publicPostIds[0]}`;
    await openDialog(element);
    expect(location.hash).to.equal(`#vitrine=${facts.publicPostIds[0]}`);
  });

  it('shows a carousel post one photo at a time', async () => {
    const post = posts.find((p) => p.media.length > 1 && facts.publicPostIds.slice(0, 8).includes(p.id))!;
    expect(post, 'the demo holds a carousel post').to.exist;
    const element = await gallery();
    const dialog = await open(element, post.id);
    const media = () => dialog.querySelector<HTMLImageElement>('img[part~="media"]')!;
    const firstSrc = media().getAttribute('src');
    expect(dialog.querySelector('[part~="media-count"]')?.textContent?.replace(/\s+/g, ' ')).to.equal(`1 / ${post.media.length}`);

    dialog.querySelector<HTMLButtonElement>('[aria-label="Next photo"]')!.click();
    await element.updateComplete;
    expect(media().getAttribute('src')).to.not.equal(firstSrc);
    expect(media().getAttribute('src')).to.contain(post.media[1]!.id);
    expect(dialog.querySelector('[part~="media-count"]')?.textContent?.replace(/\s+/g, ' ')).to.equal(`2 / ${post.media.length}`);
  });

  it('places hotspots on the photo and opens their product card on screen', async () => {
    await setViewport({ width: 360, height: 640 });
    const post = posts.find((p) => p.hotspots.length > 0 && facts.publicPostIds.slice(0, 8).includes(p.id))!;
    const spot = post.hotspots[0]!;
    const product = post.products.find((p) => p.id === spot.productId)!;
    const element = await gallery();
    const dialog = await open(element, post.id);

    const frame = dialog.querySelector<HTMLElement>('.frame')!.getBoundingClientRect();
    const hotspot = dialog.querySelector<HTMLButtonElement>(`[part~="hotspot"][data-product-id="${product.id}"]`)!;
    const dot = hotspot.getBoundingClientRect();
    expect(dot.left + dot.width / 2 - frame.left).to.be.closeTo(spot.x * frame.width, 2);
    expect(dot.top + dot.height / 2 - frame.top).to.be.closeTo(spot.y * frame.height, 2);
    expect(hotspot.getAttribute('aria-label')).to.equal(`${product.title}, ${formatPrice(product.price)}`);
    expect(hotspot.getAttribute('aria-expanded')).to.equal('false');

    hotspot.click();
    await element.updateComplete;
    const card = dialog.querySelector<HTMLElement>('[part~="hotspot-card"]')!;
    expect(hotspot.getAttribute('aria-expanded')).to.equal('true');
    expect(card.querySelector('[part~="product-title"]')?.textContent).to.equal(product.title);
    const price = new Intl.NumberFormat(undefined, { style: 'currency', currency: product.price!.currency }).format(product.price!.amount / 100);
    expect(card.querySelector('[part~="product-price"]')?.textContent).to.equal(price);
    expect(card.querySelector('[part~="product-availability"]')?.textContent?.trim()).to.equal('In stock');
    expect(card.querySelector<HTMLAnchorElement>('[part~="shop"]')?.getAttribute('href')).to.equal(product.link);

    // floating-ui placed it beside the hotspot, inside the viewport.
    await waitUntil(() => card.style.top !== '', 'the card was not positioned');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const box = card.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.top).to.be.at.least(0);
    expect(box.right).to.be.at.most(innerWidth);
    expect(box.bottom).to.be.at.most(innerHeight);
    const gap = Math.min(Math.abs(box.bottom - dot.top), Math.abs(box.top - dot.bottom));
    expect(gap).to.be.below(20);

    // Esc closes the card first, then the lightbox.
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(dialog.querySelector('[part~="hotspot-card"]')).to.equal(null);
    expect(dialog.open).to.equal(true);
    expect(focused(element)).to.equal(dialog.querySelector(`[part~="hotspot"][data-product-id="${product.id}"]`));
  });

  it('dispatches a cancelable, bubbling, composed vitrine:add-to-cart with the product', async () => {
    const post = posts.find((p) => p.products.length > 0 && facts.publicPostIds.slice(0, 8).includes(p.id))!;
    const element = await gallery();
    const events: CustomEvent[] = [];
    const listener = (event: Event) => {
      event.preventDefault();
      events.push(event as CustomEvent);
    };
    document.addEventListener('vitrine:add-to-cart', listener);
    try {
      const dialog = await open(element, post.id);
      const button = dialog.querySelector<HTMLButtonElement>('[part~="products"] [part~="add-to-cart"]')!;
      expect(button.getAttribute('aria-label')).to.equal(`Add to cart: ${post.products[0]!.title}`);
      button.click();
      await waitUntil(() => events.length === 1);
      const [event] = events;
      expect(event!.bubbles && event!.composed && event!.cancelable).to.equal(true);
      expect(event!.target).to.equal(element);
      const { confirm, ...detail } = event!.detail as { confirm: (message?: string) => void };
      expect(detail).to.deep.equal({ product: post.products[0], postId: post.id, galleryId: facts.galleryId, quantity: 1 });
      // The page took over: the shopper stays in the lightbox, which confirms when the page says so.
      expect(dialog.open).to.equal(true);
      expect(dialog.querySelector('[part~="status"]')?.textContent).to.equal('');
      confirm();
      await waitUntil(() => dialog.querySelector('[part~="status"]')?.textContent === `${post.products[0]!.title} was added to your cart.`);
    } finally {
      document.removeEventListener('vitrine:add-to-cart', listener);
    }
  });

  it('adds to a Shopify cart with cart="shopify" when the page does not take over', async () => {
    const post = posts.find((p) => p.products.length > 0 && facts.publicPostIds.slice(0, 8).includes(p.id))!;
    const element = await gallery(8, 'cart=shopify');
    // Stands in for the Shopify store's own storefront API (no Shopify here): the product page's
    // JSON, whose variants carry the SKUs (as in Shopify's documented answer), and /cart/add.js.
    // The gallery API stays real.
    const realFetch = window.fetch;
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const lookups: string[] = [];
    window.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (/\/products\/[^/]+\.js$/.test(url)) {
        lookups.push(new URL(url, location.href).pathname);
        const variants = [{ id: 40001, sku: 'OTHER-SKU', available: true }, { id: 40002, sku: post.products[0]!.sku, available: true }];
        return new Response(JSON.stringify({ id: 7001, handle: 'x', variants }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      if (!url.endsWith('/cart/add.js')) return realFetch(input, init);
      requests.push({ url, init });
      return new Response('{"items":[]}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const dialog = await open(element, post.id);
      dialog.querySelector<HTMLButtonElement>('[part~="products"] [part~="add-to-cart"]')!.click();
      await waitUntil(() => dialog.querySelector('[part~="status"]')?.textContent !== '', 'no confirmation');
      expect(requests).to.have.length(1);
      expect(requests[0]!.init?.method).to.equal('POST');
      // The variant id, found by SKU on the product's own page: the cart takes no SKU.
      expect(lookups).to.deep.equal([`${new URL(post.products[0]!.link!, location.href).pathname}.js`]);
      expect(JSON.parse(String(requests[0]!.init?.body))).to.deep.equal({ items: [{ id: 40002, quantity: 1 }] });
      expect(dialog.querySelector('[part~="status"]')?.textContent).to.equal(`${post.products[0]!.title} was added to your cart.`);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('has no accessibility violations when open, with a product card out', async () => {
    const post = posts.find((p) => p.hotspots.length > 0 && p.media.length > 1 && facts.publicPostIds.slice(0, 8).includes(p.id))
      ?? posts.find((p) => p.hotspots.length > 0 && facts.publicPostIds.slice(0, 8).includes(p.id))!;
    const element = await gallery();
    const dialog = await open(element, post.id);
    expect(await axeViolations(element)).to.deep.equal([]);
    dialog.querySelector<HTMLButtonElement>('[part~="hotspot"]')!.click();
    await element.updateComplete;
    expect(await axeViolations(element)).to.deep.equal([]);
  });
});
