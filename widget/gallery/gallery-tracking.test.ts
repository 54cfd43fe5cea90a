import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GalleryPostsResponse, PublicPost } from '../../shared/api-types.ts';
import { isHoldout } from '../../shared/holdout.ts';
import { VISITOR_KEY } from '../tracking/ids.ts';
import { IMPRESSION_DWELL_MS } from '../tracking/impression.ts';
import { captureSends } from '../testing/beacons.ts';
import { majorUnits } from '../lightbox/product-card.ts';
import { fixtureFacts, openDialog, settled, shadow, tileButton, trackedEvents, type FixtureFacts } from '../testing/gallery.ts';
import { afterEach, before, describe, it } from '../testing/mocha.ts';
import type { VitrineGallery } from './gallery.ts';

let facts: FixtureFacts;
let posts: PublicPost[];
let workspaceId: string;
before(async () => {
  facts = await fixtureFacts();
  const page = (await (await fetch(`/v1/galleries/${facts.galleryId}/posts?limit=8`)).json()) as GalleryPostsResponse;
  posts = page.posts;
  workspaceId = page.tracking.workspaceId;
});
afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  scrollTo(0, 0);
});

const events = (name: string) => trackedEvents().filter((entry) => entry.event === name);

/**
 * Resolves once the gallery's own first visibility report and a whole dwell after it have
 * passed: an impression counted from that report would have been counted by then, however
 * slow the machine. Ordering, not a margin: the gallery's IntersectionObserver was created
 * before this one, so it is told first, and its dwell timer is set before this one is.
 */
async function pastFirstDwell(element: Element): Promise<void> {
  await new Promise<void>((resolve) => {
    const observer = new IntersectionObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(element);
  });
  await new Promise((resolve) => setTimeout(resolve, IMPRESSION_DWELL_MS));
}

/** Records the URLs the page fetches until `stop()`; a fetch is seen the moment it starts. */
function recordFetches(): { urls: string[]; stop(): void } {
  const original = window.fetch;
  const urls: string[] = [];
  window.fetch = (input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return original(input, init);
  };
  return { urls, stop: () => void (window.fetch = original) };
}

describe('what the gallery tracks', () => {
  // First in this page: the impression counts once per gallery and page view.
  let spacer: HTMLElement;
  let watched: VitrineGallery;
  it('counts no impression while the gallery is out of view', async () => {
    spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.prepend(spacer);
    // Appended by hand: fixture() would remove it after this test, and the next one goes on.
    watched = document.createElement('vitrine-gallery');
    watched.setAttribute('gallery', facts.galleryId);
    watched.setAttribute('limit', '8');
    spacer.after(watched);
    await settled(watched);
    await pastFirstDwell(watched);
    expect(events('view_item_list')).to.deep.equal([]);
  });

  it('counts an impression after one second half in view, once, naming the posts on show', async () => {
    const sends = captureSends();
    try {
      watched.scrollIntoView();
      const seenAt = performance.now();
      // At least the dwell (timers never fire early); at most whatever a loaded machine takes.
      await waitUntil(() => events('view_item_list').length > 0, 'no impression', { timeout: 30_000 });
      expect(performance.now() - seenAt).to.be.at.least(IMPRESSION_DWELL_MS - 50);
      expect(events('view_item_list')).to.deep.equal([{ event: 'view_item_list', ecommerce: { item_list_id: facts.galleryId, items: [] } }]);
      // Leaving the page sends the queue: the impression names the eight posts the gallery shows.
      dispatchEvent(new Event('pagehide'));
      const sent = (await sends.sent()).flatMap((body) => body.batch.events);
      expect(sent.find((e) => e.type === 'view_item_list')?.postIds).to.deep.equal(posts.map((p) => p.id));
    } finally {
      sends.restore();
      spacer.remove();
      watched.remove();
    }
  });

  it('reports a post opened, a hotspot opened and a Shop link followed', async () => {
    const post = posts.find((p) => p.hotspots.length > 0)!;
    const product = post.products.find((p) => p.id === post.hotspots[0]!.productId)!;
    const element = await settled(await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="8"></vitrine-gallery>`));
    const before = trackedEvents().length;
    tileButton(element, post.id).click();
    const dialog = await openDialog(element);
    dialog.querySelector<HTMLButtonElement>(`[part~="hotspot"][data-product-id="${product.id}"]`)!.click();
    await element.updateComplete;
    const stay = (event: Event) => event.preventDefault();
    document.addEventListener('click', stay);
    try {
      dialog.querySelector<HTMLAnchorElement>('[part~="products"] [part~="shop"]')!.click();
    } finally {
      document.removeEventListener('click', stay);
    }
    const item = { item_id: product.sku, item_name: product.title, price: majorUnits(product.price!), quantity: 1 };
    const selected = { event: 'select_item', ecommerce: { item_list_id: facts.galleryId, items: [item], currency: product.price!.currency, value: item.price } };
    expect(trackedEvents().slice(before)).to.deep.equal([
      { event: 'select_content', content_type: 'ugc_post', content_id: post.id, item_list_id: facts.galleryId },
      selected,
      selected,
    ]);
  });

  it('reports add_to_cart when the page takes the product into its own cart', async () => {
    const post = posts.find((p) => p.products.length > 0)!;
    const product = post.products[0]!;
    const element = await settled(await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="8"></vitrine-gallery>`));
    const take = (event: Event) => event.preventDefault();
    document.addEventListener('vitrine:add-to-cart', take);
    try {
      tileButton(element, post.id).click();
      const dialog = await openDialog(element);
      const before = events('add_to_cart').length;
      dialog.querySelector<HTMLButtonElement>('[part~="products"] [part~="add-to-cart"]')!.click();
      await waitUntil(() => events('add_to_cart').length > before);
      expect(events('add_to_cart').at(-1)).to.deep.equal({
        event: 'add_to_cart',
        ecommerce: {
          item_list_id: facts.galleryId,
          currency: product.price!.currency,
          value: majorUnits(product.price!),
          items: [{ item_id: product.sku, item_name: product.title, price: majorUnits(product.price!), quantity: 1 }],
        },
      });
    } finally {
      document.removeEventListener('vitrine:add-to-cart', take);
    }
  });

  it('tracks nothing in a preview (the panel shows merchants their gallery)', async () => {
    const post = posts[0]!;
    const element = await settled(await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="8" preview></vitrine-gallery>`));
    const before = trackedEvents().length;
    tileButton(element, post.id).click();
    await openDialog(element);
    // Where the test above finds the open reported: tracking is synchronous with the click.
    expect(trackedEvents().slice(before)).to.deep.equal([]);
  });

  it('shows nothing, takes no room and fetches nothing for a visitor in the holdout', async () => {
    const style = document.createElement('style');
    // A store reserving the gallery's room, as widget/README.md suggests (without :not(:defined)).
    style.textContent = 'vitrine-gallery { display: block; min-height: 20rem }';
    document.head.append(style);
    const fetches = recordFetches();
    try {
      const element = await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="7">
        <ul data-vitrine-ssr data-gallery=${facts.galleryId} data-workspace=${workspaceId} data-holdout-share="1"><li data-post-id="p"><img src="" width="1" height="1" alt="" /></li></ul>
      </vitrine-gallery>`);
      // The first update decides: the holdout, or the first page's request.
      await element.updateComplete;
      expect(element.hidden).to.equal(true);
      expect(element.getBoundingClientRect().height).to.equal(0);
      expect(shadow(element).querySelector('[part]')).to.equal(null);
      expect(fetches.urls.filter((url) => url.includes('/posts'))).to.deep.equal([]);
      expect(events('vitrine_holdout')).to.deep.equal([{ event: 'vitrine_holdout', content_type: 'ugc_post', item_list_id: facts.galleryId }]);
    } finally {
      fetches.stop();
      style.remove();
    }
  });

  it('shows the gallery to a visitor outside the holdout, by the same rule as the server', async () => {
    const visitorId = localStorage.getItem(VISITOR_KEY)!;
    expect(visitorId, 'the tracker stored its visitor id').to.match(/^v_/);
    const share = isHoldout(workspaceId, visitorId, 0.5) ? 0.0001 : 0.5;
    expect(isHoldout(workspaceId, visitorId, share)).to.equal(false);
    const element = await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="8">
      <ul data-vitrine-ssr data-gallery=${facts.galleryId} data-workspace=${workspaceId} data-holdout-share=${share}></ul>
    </vitrine-gallery>`);
    await settled(element);
    expect(element.hidden).to.equal(false);
    expect(shadow(element).querySelectorAll('[part~="tile"]').length).to.be.greaterThan(0);
  });
});
