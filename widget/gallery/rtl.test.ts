import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { fixtureFacts, openDialog, settled, shadow, tileButton, type FixtureFacts } from '../testing/gallery.ts';
import { afterEach, before, describe, it } from '../testing/mocha.ts';
import type { VitrineGallery } from './gallery.ts';

/**
 * On a right-to-left page (Arabic, Hebrew, Persian) the gallery is the mirror image: the reading
 * direction's start is on the right, so "previous" is there, arrows point the other way, the
 * carousel moves to the left, and ← goes forward in the lightbox.
 */
let facts: FixtureFacts;
before(async () => {
  facts = await fixtureFacts();
});

afterEach(async () => {
  history.replaceState(null, '', location.pathname + location.search);
  await emulateMedia({ reducedMotion: 'no-preference' });
  await setViewport({ width: 800, height: 600 });
});

async function rtlGallery(attributes: { layout?: string; limit?: string } = {}): Promise<VitrineGallery> {
  const page = await fixture<HTMLElement>(
    html`<div dir="rtl" lang="ar"><vitrine-gallery gallery=${facts.galleryId} limit=${attributes.limit ?? '6'} layout=${attributes.layout ?? 'grid'}></vitrine-gallery></div>`,
  );
  return settled(page.querySelector<VitrineGallery>('vitrine-gallery')!);
}

const box = (element: Element) => element.getBoundingClientRect();
const mirrored = (element: Element) => getComputedStyle(element.querySelector('span')!).transform.startsWith('matrix(-1');

describe('<vitrine-gallery> on a right-to-left page', () => {
  it('puts the carousel\'s "previous" on the right, points its arrows the other way, and moves leftwards on "next"', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const element = await rtlGallery({ layout: 'carousel' });
    const root = shadow(element);
    const previous = root.querySelector<HTMLButtonElement>('[part~="previous"]')!;
    const next = root.querySelector<HTMLButtonElement>('[part~="next"]')!;
    const track = root.querySelector<HTMLElement>('[part~="grid"]')!;
    expect(box(previous).left).to.be.greaterThan(box(next).left);
    expect(mirrored(previous) && mirrored(next)).to.equal(true);
    // The first tile starts at the right edge.
    const first = root.querySelector('li')!;
    expect(Math.abs(box(first).right - box(track).right)).to.be.lessThan(2);

    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    next.click();
    await waitUntil(() => track.scrollLeft < 0, 'the carousel did not move towards its end');
    await waitUntil(() => previous.getAttribute('aria-disabled') === 'false', '"previous" did not wake up');
    previous.click();
    await waitUntil(() => track.scrollLeft === 0, 'the carousel did not come back');
  });

  it('mirrors the lightbox: close on the left, ← goes forward and → back', async () => {
    const element = await rtlGallery();
    const [first, second] = facts.publicPostIds;
    tileButton(element, first!).click();
    const dialog = await openDialog(element);
    const close = dialog.querySelector<HTMLButtonElement>('[part~="close"]')!;
    const previous = dialog.querySelector<HTMLButtonElement>('[part~="previous-post"]')!;
    expect(box(close).left).to.be.lessThan(box(dialog).left + box(dialog).width / 2);
    expect(box(previous).left).to.be.greaterThan(box(dialog).left + box(dialog).width / 2);
    expect(mirrored(previous)).to.equal(true);

    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    expect(location.hash).to.equal(`#vitrine=${second}`);
    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(location.hash).to.equal(`#vitrine=${first}`);
  });
});
