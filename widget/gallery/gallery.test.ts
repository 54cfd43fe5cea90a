import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ApiErrorBody, GalleryPostsResponse } from '../../shared/api-types.ts';
import { before, describe, it } from '../testing/mocha.ts';
import { GALLERY_TAG, VitrineGallery, defineGallery } from './gallery.ts';

/** What the fixture app was seeded with (served by web-test-runner.config.mjs). */
interface FixtureFacts {
  galleryId: string;
  publicPostIds: string[];
  nonPublicPostIds: string[];
}

// The fixture app answers /v1/ on the test server itself.
defineGallery(location.origin);

let facts: FixtureFacts;
before(async () => {
  facts = (await (await fetch('/__fixture.json')).json()) as FixtureFacts;
});

function shadow(element: VitrineGallery): ShadowRoot {
  if (!element.shadowRoot) throw new Error('the gallery has no shadow root');
  return element.shadowRoot;
}

function tileIds(element: VitrineGallery): string[] {
  return Array.from(shadow(element).querySelectorAll<HTMLElement>('[part~="tile"]'), (tile) => tile.dataset.postId ?? '');
}

/** Waits until the element has answered: tiles, an empty or an error state, and no pending page. */
async function settled(element: VitrineGallery): Promise<VitrineGallery> {
  await waitUntil(() => {
    const root = shadow(element);
    return !root.querySelector('[part~="loading"]') && !root.querySelector('[part~="load-more"][disabled]');
  }, 'the gallery did not finish loading');
  await element.updateComplete;
  return element;
}

async function clickLoadMore(element: VitrineGallery): Promise<void> {
  const button = shadow(element).querySelector<HTMLButtonElement>('[part~="load-more"]');
  if (!button) throw new Error('no load-more button');
  button.click();
  await element.updateComplete;
  await settled(element);
}

describe('<vitrine-gallery>', () => {
  it('loads the first tiles\' photos at once and first when it starts in the window, every other lazily', async () => {
    const element = await settled(await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="6"></vitrine-gallery>`));
    expect(element.getBoundingClientRect().top).to.be.below(innerHeight);
    const images = Array.from(shadow(element).querySelectorAll('img'));
    expect(images.length).to.equal(6);
    const attributes = (img: HTMLImageElement) => [img.getAttribute('loading'), img.getAttribute('fetchpriority'), img.sizes.startsWith('auto')];
    expect(images.slice(0, 4).map(attributes), 'the first rows: eager, high priority, sized from the estimates (auto is for lazy images)').to.deep.equal(Array(4).fill([null, 'high', false]));
    expect(images.slice(4).map(attributes)).to.deep.equal(Array(2).fill(['lazy', null, true]));
  });

  it('loads every photo lazily when it starts below the fold', async () => {
    const page = await fixture<HTMLElement>(html`<div><div style="height: ${innerHeight + 500}px"></div><vitrine-gallery gallery=${facts.galleryId} limit="6"></vitrine-gallery></div>`);
    const element = await settled(page.querySelector<VitrineGallery>(GALLERY_TAG)!);
    expect(element.getBoundingClientRect().top).to.be.above(innerHeight);
    const images = Array.from(shadow(element).querySelectorAll('img'));
    expect(images.length).to.equal(6);
    expect(images.every((img) => img.loading === 'lazy' && !img.hasAttribute('fetchpriority'))).to.equal(true);
  });

  it('holds its place while the first page loads', async () => {
    const element = await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId}></vitrine-gallery>`);

    expect(shadow(element).querySelector('[part~="loading"]')).to.exist;
    expect(element.getBoundingClientRect().height).to.be.at.least(200);
    await settled(element);
  });

  it('shows exactly the public posts, in order, and never the others', async () => {
    const element = await settled(
      await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="5"></vitrine-gallery>`),
    );
    while (shadow(element).querySelector('[part~="load-more"]')) await clickLoadMore(element);

    const ids = tileIds(element);
    expect(ids).to.deep.equal(facts.publicPostIds);
    for (const id of facts.nonPublicPostIds) expect(ids).not.to.include(id);
  });

  it('loads the next page with "load more", keeping the first', async () => {
    const element = await settled(
      await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="5"></vitrine-gallery>`),
    );
    expect(tileIds(element)).to.deep.equal(facts.publicPostIds.slice(0, 5));

    await clickLoadMore(element);

    expect(tileIds(element)).to.deep.equal(facts.publicPostIds.slice(0, 10));
  });

  it('announces each page it shows with vitrine-load', async () => {
    const details: unknown[] = [];
    const element = await settled(
      await fixture<VitrineGallery>(
        html`<vitrine-gallery
          gallery=${facts.galleryId}
          limit="5"
          @vitrine-load=${(event: CustomEvent) => details.push(event.detail)}
        ></vitrine-gallery>`,
      ),
    );
    await clickLoadMore(element);

    expect(details).to.deep.equal([
      { posts: 5, hasMore: true },
      { posts: 10, hasMore: true },
    ]);
  });

  it('gives every photo a responsive, fixed-size image', async () => {
    const element = await settled(
      await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="5"></vitrine-gallery>`),
    );
    const images = Array.from(shadow(element).querySelectorAll('img'));
    expect(images).to.have.length(5);
    for (const image of images) {
      expect(image.getAttribute('srcset')).to.match(/^\S+ \d+w(, \S+ \d+w)*$/);
      expect(image.getAttribute('sizes')).to.match(/^(auto, )?\(min-width: .*vw$/);
      expect(Number(image.getAttribute('width'))).to.be.above(0);
      expect(Number(image.getAttribute('height'))).to.be.above(0);
      expect(image.alt).not.to.equal('');
    }
    // Which load eagerly and which lazily: the next tests.
    expect(images[4]?.getAttribute('loading')).to.equal('lazy');
    expect(images[4]?.getAttribute('decoding')).to.equal('async');
    // The first photo is on screen, so it loads: its variants are really served. (decode()
    // rejects for a broken image; naturalWidth can't tell, the test fixture's pixels being 1x1.)
    await images[0]?.decode();
    expect(images[0]?.currentSrc).to.match(/\/media\//);
  });

  it('renders captions and usernames as text, never as HTML', async () => {
    const element = await settled(
      await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="5"></vitrine-gallery>`),
    );
    while (shadow(element).querySelector('[part~="load-more"]')) await clickLoadMore(element);
    const { posts, nextCursor } = (await (await fetch(`/v1/galleries/${facts.galleryId}/posts?limit=100`)).json()) as GalleryPostsResponse;
    expect(nextCursor).to.equal(null);
    const withMarkup = posts.filter((post) => /<img /i.test(post.caption));
    expect(withMarkup, 'the fixture should hold a caption with an <img onerror> in it').not.to.be.empty;

    for (const post of posts) {
      const tile = shadow(element).querySelector(`[data-post-id="${post.id}"]`);
      expect(tile?.querySelector('[part~="text"]')?.textContent).to.equal(post.caption);
      // Only the photo itself is an element; nothing from the caption became one.
      expect(tile?.querySelectorAll('img')).to.have.length(post.media.length > 0 ? 1 : 0);
      expect(tile?.querySelector('[part~="caption"]')?.querySelectorAll('*').length).to.be.at.most(2);
    }
    // The seeded caption's onerror handler would set this global had it become an element.
    expect((window as { __vitrineXss?: unknown }).__vitrineXss).to.equal(undefined);
  });

  it('shows the API message for an unknown gallery', async () => {
    const expected = ((await (await fetch('/v1/galleries/no-such-gallery/posts')).json()) as ApiErrorBody).error.message;
    const element = await settled(
      await fixture<VitrineGallery>(html`<vitrine-gallery gallery="no-such-gallery"></vitrine-gallery>`),
    );

    const error = shadow(element).querySelector('[part~="error"]');
    expect(error?.textContent).to.equal(expected);
    expect(tileIds(element)).to.be.empty;
  });

  it('says so when the gallery attribute is missing', async () => {
    const element = await settled(await fixture<VitrineGallery>(html`<vitrine-gallery></vitrine-gallery>`));
    expect(shadow(element).querySelector('[part~="error"]')?.textContent).to.equal('The gallery attribute is missing.');
  });

  it('is defined once, even when a second copy of the widget loads', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      defineGallery(location.origin);
      // The same file at another URL is another module instance with its own class: a second copy.
      const copyUrl = new URL('./gallery.ts?second-copy', import.meta.url).href;
      const copy = (await import(copyUrl)) as typeof import('./gallery.ts');
      copy.defineGallery('https://elsewhere.example');

      expect(customElements.get(GALLERY_TAG)).to.equal(VitrineGallery);
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
