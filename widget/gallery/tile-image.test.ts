import { expect } from '@open-wc/testing';
import type { PublicMedia, PublicPost, PublicVariant } from '../../shared/api-types.ts';
import { tileImage } from './tile-image.ts';
import { describe, it } from '../testing/mocha.ts';

function variant(width: number, format: PublicVariant['format'] = 'webp'): PublicVariant {
  return { url: `https://cdn.test/m/${width}.${format}`, width, height: width, format };
}

function post(media: Partial<PublicMedia>[], caption = '', username: string | null = 'ana'): PublicPost {
  return {
    id: 'p1',
    mediaType: 'image',
    caption,
    author: { username },
    permalink: null,
    publishedAt: '2025-01-01T00:00:00Z',
    media: media.map((m) => ({ id: 'm1', type: 'image', width: 1080, height: 1350, alt: '', variants: [], videoUrl: null, ...m })),
    products: [],
    hotspots: [],
  };
}

describe('tileImage', () => {
  it('lists every variant as a w descriptor and keeps the intrinsic size', () => {
    const image = tileImage(post([{ alt: 'A red dress', variants: [variant(320), variant(640), variant(1080)] }]));
    expect(image).to.deep.equal({
      src: 'https://cdn.test/m/1080.webp',
      srcset: 'https://cdn.test/m/320.webp 320w, https://cdn.test/m/640.webp 640w, https://cdn.test/m/1080.webp 1080w',
      width: 1080,
      height: 1350,
      alt: 'A red dress',
    });
  });

  it('prefers WebP when a width exists in two formats', () => {
    const image = tileImage(post([{ variants: [variant(320, 'jpeg'), variant(320), variant(640, 'jpeg'), variant(640)] }]));
    expect(image?.srcset).to.equal('https://cdn.test/m/320.webp 320w, https://cdn.test/m/640.webp 640w');
  });

  it('describes undescribed media with the start of the caption', () => {
    const long = `Sunday   market\nfinds ${'x'.repeat(200)}`;
    const alt = tileImage(post([{ variants: [variant(320)] }], long))?.alt ?? '';
    expect(alt.startsWith('Photo by @ana: Sunday market finds x')).to.equal(true);
    expect(alt.length).to.be.below(150);
    expect(tileImage(post([{ variants: [variant(320)] }], '', null))?.alt).to.equal('Photo');
  });

  it('cuts a long caption between graphemes: no half emoji, no broken family or flag', () => {
    for (const unit of ['😀', '👨‍👩‍👧‍👦', '🇫🇷', 'e\u0301']) {
      const alt = tileImage(post([{ variants: [variant(320)] }], `x${unit.repeat(300)}`))?.alt ?? '';
      const excerpt = alt.replace('Photo by @ana: x', '').replace(/…$/, '');
      expect(excerpt, unit).to.equal(unit.repeat(excerpt.length / unit.length));
      expect(excerpt.length, unit).to.be.above(100);
    }
  });

  it('is null without media or variants', () => {
    expect(tileImage(post([]))).to.equal(null);
    expect(tileImage(post([{ variants: [] }]))).to.equal(null);
  });
});
