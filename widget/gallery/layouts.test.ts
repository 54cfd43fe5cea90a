import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { axeViolations } from '../testing/axe.ts';
import type { PublicPost } from '../../shared/api-types.ts';
import { allPosts, fixtureFacts, settled, shadow, tileIds, type FixtureFacts } from '../testing/gallery.ts';
import { afterEach, before, describe, it } from '../testing/mocha.ts';
import type { VitrineGallery } from './gallery.ts';

let facts: FixtureFacts;
let posts: PublicPost[];
before(async () => {
  facts = await fixtureFacts();
  posts = await allPosts(facts.galleryId);
});

afterEach(async () => {
  await emulateMedia({ reducedMotion: 'no-preference' });
  await setViewport({ width: 800, height: 600 });
});

const list = (element: VitrineGallery) => shadow(element).querySelector<HTMLElement>('[part~="grid"]')!;
const carouselButton = (element: VitrineGallery, which: 'previous' | 'next') =>
  shadow(element).querySelector<HTMLButtonElement>(`[part~="carousel-button"][part~="${which}"]`)!;

describe('<vitrine-gallery> layouts', () => {
  it("shows the gallery's own layout, which the attribute overrides", async () => {
    const api = (await (await fetch(`/v1/galleries/${facts.galleryId}/posts?limit=1`)).json()) as { gallery: { layout: string } };
    const plain = await settled(await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="4"></vitrine-gallery>`));
    expect(plain.effectiveLayout).to.equal(api.gallery.layout);
    expect(list(plain).classList.contains(api.gallery.layout)).to.equal(true);

    const masonry = await settled(
      await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="4" layout="masonry"></vitrine-gallery>`),
    );
    expect(masonry.effectiveLayout).to.equal('masonry');
  });

  it('lays the grid out in responsive columns', async () => {
    const element = await fixture<VitrineGallery>(
      html`<div style="width: 400px"><vitrine-gallery gallery=${facts.galleryId} limit="8" layout="grid"></vitrine-gallery></div>`,
    );
    const gallery = await settled(element.querySelector('vitrine-gallery')!);
    const columns = () => getComputedStyle(list(gallery)).gridTemplateColumns.split(' ').length;
    expect(columns()).to.equal(2);
    (element as HTMLElement).style.width = '900px';
    await waitUntil(() => columns() === 4, 'the grid did not widen to 4 columns');
  });

  it('keeps each photo its own shape in the masonry, with room reserved before it loads', async () => {
    // Far below the fold, so every photo is lazy and none has arrived (the fixture's pixels are
    // square): each box has the photo's proportions from its width and height alone.
    const page = await fixture<HTMLElement>(
      html`<div><div style="height: 6000px"></div><vitrine-gallery gallery=${facts.galleryId} limit="8" layout="masonry"></vitrine-gallery></div>`,
    );
    const element = await settled(page.querySelector<VitrineGallery>('vitrine-gallery')!);
    expect(Array.from(shadow(element).querySelectorAll('img')).every((img) => img.loading === 'lazy')).to.equal(true);
    expect(getComputedStyle(list(element)).columnCount).to.not.equal('auto');
    for (const img of Array.from(shadow(element).querySelectorAll('img'))) {
      const { width, height } = img.getBoundingClientRect();
      const ratio = Number(img.getAttribute('width')) / Number(img.getAttribute('height'));
      // Whether or not the picture has arrived, its box already has the photo's proportions.
      expect(width / height).to.be.closeTo(ratio, 0.05);
    }
  });

  it('scrolls the carousel with its buttons, never by itself, and loads more at the end', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const element = await settled(
      await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="6" layout="carousel"></vitrine-gallery>`),
    );
    const track = list(element);
    expect(shadow(element).querySelector('[part~="carousel"]')?.getAttribute('aria-roledescription')).to.equal('carousel');
    expect(getComputedStyle(track).scrollBehavior, 'reduced motion: no smooth scrolling').to.equal('auto');
    expect(getComputedStyle(track).scrollSnapType).to.contain('x');
    expect(carouselButton(element, 'previous').getAttribute('aria-disabled')).to.equal('true');

    // No autoplay.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(track.scrollLeft).to.equal(0);

    carouselButton(element, 'next').click();
    await waitUntil(() => track.scrollLeft > 0, 'the carousel did not move');
    await waitUntil(() => carouselButton(element, 'previous').getAttribute('aria-disabled') === 'false');

    // At the end, "next" brings the next page.
    while (tileIds(element).length === 6) {
      carouselButton(element, 'next').click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await settled(element);
    expect(tileIds(element)).to.deep.equal(facts.publicPostIds.slice(0, 12));
  });

  it('scrolls smoothly when motion is welcome', async () => {
    const element = await settled(
      await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="6" layout="carousel"></vitrine-gallery>`),
    );
    expect(getComputedStyle(list(element)).scrollBehavior).to.equal('smooth');
  });

  it('upgrades the server-rendered list: draws its tiles while loading and keeps it, hidden, for crawlers', async () => {
    const [first, second] = facts.publicPostIds;
    const [firstSrc, secondSrc] = posts.slice(0, 2).map((post) => post.media[0]!.variants[0]!.url);
    const element = await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="4">
      <ul data-vitrine-ssr>
        <li data-post-id=${first!}><a href="https://www.instagram.com/p/1/"><img src=${firstSrc!} width="1080" height="1350" alt="First" /></a></li>
        <li data-post-id=${second!}><a href="https://www.instagram.com/p/2/"><img src=${secondSrc!} width="1080" height="1080" alt="Second" /></a></li>
      </ul>
    </vitrine-gallery>`);
    // Before the API answers, the element draws the same tiles in its own grid.
    expect(tileIds(element)).to.deep.equal([first, second]);
    expect(shadow(element).querySelector('img')?.getAttribute('alt')).to.equal('First');

    await settled(element);
    expect(tileIds(element)).to.deep.equal(facts.publicPostIds.slice(0, 4));
    const ssr = element.querySelector('[data-vitrine-ssr]')!;
    expect(ssr, 'the server-rendered list stays in the document').to.exist;
    expect(ssr.getClientRects().length, 'and is not shown').to.equal(0);
  });

  it("survives a hostile page's CSS", async () => {
    const hostile = document.createElement('style');
    hostile.textContent = `
      img, button, li, ul, figure { display: none !important; }
      .grid, .tiles, [part] { display: none !important; }
      vitrine-gallery { text-transform: uppercase; letter-spacing: 1em; text-align: center; line-height: 0; }
    `;
    document.head.append(hostile);
    try {
      const element = await settled(await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="4"></vitrine-gallery>`));
      const img = shadow(element).querySelector('img')!;
      expect(img.getBoundingClientRect().height).to.be.above(0);
      const caption = shadow(element).querySelector('[part~="text"]')!;
      expect(getComputedStyle(caption).textTransform).to.equal('none');
      expect(getComputedStyle(caption).letterSpacing).to.equal('normal');
      expect(parseFloat(getComputedStyle(caption).lineHeight)).to.be.above(0);
    } finally {
      hostile.remove();
    }
  });

  it('shows only the posts of the product a product page names', async () => {
    const sku = posts[0]!.products[0]!.sku;
    const showing = posts.filter((post) => post.products.some((product) => product.sku === sku)).map((post) => post.id);
    expect(showing.length).to.be.within(1, posts.length - 1);
    const element = await settled(
      await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="100" product=${sku}></vitrine-gallery>`),
    );
    expect(tileIds(element)).to.deep.equal(showing);
  });

  for (const layout of ['grid', 'masonry', 'carousel']) {
    it(`has no accessibility violations as a ${layout}`, async () => {
      const element = await settled(
        await fixture<VitrineGallery>(html`<vitrine-gallery gallery=${facts.galleryId} limit="8" layout=${layout}></vitrine-gallery>`),
      );
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  }
});
