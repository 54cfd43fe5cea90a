import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GalleryPostsResponse, PublicPost } from '../../shared/api-types.ts';
import { describe, it } from '../testing/mocha.ts';
import { defineGallery, type VitrineGallery } from './gallery.ts';

defineGallery(location.origin);

/** A video found by hashtag: Instagram gave its file but no still image (shared/api-types.ts). */
const videoOnly: PublicPost = {
  id: 'post_reel',
  mediaType: 'video',
  caption: 'Dancing in the new dress',
  author: { username: null },
  permalink: 'https://www.instagram.com/reel/Y/',
  publishedAt: '2026-01-01T00:00:00Z',
  media: [{ id: 'med_reel', type: 'video', width: 720, height: 1280, alt: '', variants: [], videoUrl: 'https://media.test/reel.mp4' }],
  products: [],
  hotspots: [],
};

describe('a video without a still image', () => {
  it('shows a play-mark tile the shopper can open, never an empty one', async () => {
    // The demo data has no such video: this gallery's one page is answered here, the rest stays real.
    const realFetch = window.fetch;
    const page: GalleryPostsResponse = { gallery: { id: 'reels', name: 'Reels', layout: 'grid' }, posts: [videoOnly], nextCursor: null, tracking: { workspaceId: 'ws_test', holdoutShare: 0, consentDefault: 'denied' } };
    window.fetch = (input, init) => (String(input instanceof Request ? input.url : input).includes('/v1/galleries/reels/posts') ? Promise.resolve(Response.json(page)) : realFetch(input, init));
    try {
      const element = await fixture<VitrineGallery>(html`<vitrine-gallery gallery="reels" preview></vitrine-gallery>`);
      await waitUntil(() => element.shadowRoot!.querySelector('[part~="tile"]'), 'the tile did not show');
      const tile = element.shadowRoot!.querySelector('[part~="tile"]')!;
      const still = tile.querySelector<HTMLElement>('.still[part~="image"]');
      expect(still, 'a placeholder stands for the still').to.not.equal(null);
      expect(tile.querySelector('img')).to.equal(null);
      expect(still!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(getComputedStyle(still!, '::after').content).to.equal('"▶"');
      expect(tile.querySelector('[part~="open"]')!.getAttribute('aria-label')).to.equal('Open a customer’s post');
    } finally {
      window.fetch = realFetch;
    }
  });
});
