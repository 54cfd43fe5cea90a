import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { AdminPostDetail } from '../../../../shared/admin-types.ts';
import { api } from '../../../api.ts';
import { Toast } from '../../../components/toast.tsx';
import { $detail, closeDetail, openDetail } from '../../../stores/inbox.ts';
import { $session } from '../../../stores/session.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../../testing/harness.tsx';
import { DetailDialog } from '../detail-dialog.tsx';

/**
 * Hotspot tagging in the post details, against the real API. The tests tag a carousel they
 * upload themselves (two pictures, a caption that names two products), so the demo posts the
 * widget tests read keep their tags; the post is rejected at the end.
 */
const MARK = 'wtrtaggermark';
const CAPTION = `${MARK} Fig Leaf Candle lit next to my Morning Mug`;
const CANDLE = 'LUM-CNDL-06';
const MUG = 'LUM-MUG-03';
const VASE = 'LUM-VASE-02';

/** A plain picture of the given size (the test server's image maker reads an SVG's size, as its fake CDN serves them). */
const picture = (width: number, height: number, colour: string): Blob =>
  new Blob([`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colour}"/></svg>`], { type: 'image/svg+xml' });

const dialog = () => document.querySelector<HTMLDialogElement>('dialog[open]');
const stage = () => document.querySelector<HTMLElement>('.tag-stage')!;
const hotspots = () => [...stage().querySelectorAll<HTMLButtonElement>('.hotspot:not(.is-draft)')];
const search = () => document.querySelector<HTMLInputElement>('.product-search input');
const options = () => [...document.querySelectorAll<HTMLElement>('.product-search [role=option]')];
const selectedOption = () => document.querySelector<HTMLElement>('.product-search [role=option][aria-selected=true]');
const toast = () => document.querySelector('.toast-region')?.textContent ?? '';
const button = (label: RegExp) => [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')].find((b) => label.test(b.textContent ?? '') || label.test(b.getAttribute('aria-label') ?? ''));
const press = (key: string) => sendKeys({ press: key });
const near = (actual: number, expected: number, what: string) => expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).to.be.below(0.02);

/** The viewport point at fractions (x, y) of the stage's box. */
function pointOnStage(x: number, y: number): [number, number] {
  const box = stage().getBoundingClientRect();
  return [Math.round(box.left + x * box.width), Math.round(box.top + y * box.height)];
}
const centreOf = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
};

const saved = async (postId: string) => (await api.post(postId)).products;
const detailTags = () => $detail.get()?.post?.products ?? [];

describe('product tagging in the post details', () => {
  let host: HTMLElement;
  let post: AdminPostDetail;

  before(async () => {
    await setViewport({ width: 1280, height: 1000 });
    await signIn();
    const form = new FormData();
    form.append('images', picture(600, 400, '#c8553d'), 'first.svg');
    form.append('images', picture(400, 400, '#7a9e9f'), 'second.svg');
    form.append('author', 'wtr.tagger');
    form.append('caption', CAPTION);
    const { id } = await api.upload(form);
    post = await api.post(id);
    expect(post.media.length).to.equal(2);
    host = mount(
      <>
        <DetailDialog />
        <Toast onUndo={() => undefined} />
      </>,
    );
    await openDetail(post.id);
    await waitUntil(() => dialog()?.querySelector('.tag-stage img'), 'the details did not show the picture');
    stage().scrollIntoView({ block: 'start' });
  });
  after(async () => {
    closeDetail();
    if (host) unmount(host);
    await resetMouse();
    if (post) await api.moderate([post.id], 'rejected');
  });

  it('drops a hotspot where the picture is clicked, offers the suggested products first, and tags the one picked with Enter', async () => {
    const [x, y] = pointOnStage(0.3, 0.6);
    await sendMouse({ type: 'click', position: [x, y] });
    await waitUntil(() => document.activeElement === search(), 'the product search did not open with focus');
    expect(stage().querySelector('.hotspot.is-draft')).to.not.equal(null);

    // The caption names the candle and the mug: both are suggested before anything is typed.
    await waitUntil(() => options().length >= 2, 'no suggestions');
    const skus = options().map((o) => o.querySelector('.muted')?.textContent);
    expect(skus.slice(0, 2)).to.have.members([CANDLE, MUG]);
    const firstTitle = options()[0]!.textContent!;
    expect(selectedOption()).to.equal(options()[0]);
    await press('ArrowDown');
    expect(selectedOption()).to.equal(options()[1]);
    expect(search()!.getAttribute('aria-activedescendant')).to.equal(options()[1]!.id);
    await press('ArrowUp');
    expect(selectedOption()).to.equal(options()[0]);
    await press('Enter');

    await waitUntil(() => hotspots().length === 1 && hotspots()[0]!.getAttribute('aria-disabled') === null, 'the hotspot was not saved');
    expect(search()).to.equal(null);
    expect(hotspots()[0]!.getAttribute('aria-label')).to.contain(firstTitle.replace(/ LUM-.*$/, ''));
    await waitUntil(() => toast().includes('Tagged '), 'the tag was not announced');
    // Focus lands on the new hotspot, ready for the arrow keys.
    await waitUntil(() => document.activeElement === hotspots()[0], 'focus did not move to the new hotspot');

    const [tag] = await saved(post.id);
    expect(tag!.hotspot.mediaId).to.equal(post.media[0]!.id);
    near(tag!.hotspot.x, 0.3, 'x');
    near(tag!.hotspot.y, 0.6, 'y');
    expect(dialog()!.querySelector('.tag-list')!.textContent).to.contain(tag!.sku);
  });

  it('tags another carousel picture by searching the SKU, from the keyboard; Esc cancels without closing the details', async () => {
    button(/^Image 2/)!.click();
    await waitUntil(() => stage().dataset.mediaId === post.media[1]!.id, 'the second picture was not shown');
    expect(hotspots()).to.have.length(0);

    button(/^Add product$/)!.focus();
    await press('Enter');
    await waitUntil(() => document.activeElement === search(), 'Add product did not open the search');
    await press('Escape');
    await waitUntil(() => search() === null, 'Esc did not cancel');
    expect(dialog(), 'the details stay open').to.not.equal(null);
    expect(stage().querySelector('.hotspot.is-draft')).to.equal(null);
    expect(document.activeElement).to.equal(button(/^Add product$/));

    await press('Enter');
    await waitUntil(() => document.activeElement === search());
    await sendKeys({ type: 'lum-vase' });
    await waitUntil(() => options().length === 1 && options()[0]!.textContent!.includes(VASE), 'the SKU search did not find the vase');
    await press('Enter');
    await waitUntil(() => hotspots().length === 1 && hotspots()[0]!.getAttribute('aria-disabled') === null, 'the vase was not tagged');

    const vase = (await saved(post.id)).find((t) => t.sku === VASE)!;
    expect(vase.hotspot).to.deep.equal({ mediaId: post.media[1]!.id, x: 0.5, y: 0.5 });
    expect(button(/^Image 2/)!.getAttribute('aria-label')).to.equal('Image 2, 1 product');
    expect(button(/^Image 1/)!.getAttribute('aria-label')).to.equal('Image 1, 1 product');
  });

  it('moves a hotspot by dragging it, saved on release', async () => {
    const tagId = hotspots()[0]!.dataset.tagId!;
    await sendMouse({ type: 'move', position: centreOf(hotspots()[0]!) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: pointOnStage(0.7, 0.4) });
    await sendMouse({ type: 'move', position: pointOnStage(0.8, 0.25) });
    // Not saved while it moves.
    expect((await saved(post.id)).find((t) => t.tagId === tagId)!.hotspot).to.include({ x: 0.5, y: 0.5 });
    await sendMouse({ type: 'up' });
    await waitUntil(() => toast().includes('Moved Ripple Stoneware Vase'), 'the move was not announced');
    const moved = (await saved(post.id)).find((t) => t.tagId === tagId)!.hotspot;
    near(moved.x, 0.8, 'x');
    near(moved.y, 0.25, 'y');
    // The end of the drag is not a click on the picture: no new hotspot was dropped.
    expect(search()).to.equal(null);
    expect(hotspots()).to.have.length(1);
  });

  it('moves the focused hotspot with the arrow keys (Shift: further), staying on the picture', async () => {
    const hotspot = hotspots()[0]!;
    const tagId = hotspot.dataset.tagId!;
    const start = detailTags().find((t) => t.tagId === tagId)!.hotspot;
    hotspot.focus();
    await press('ArrowLeft');
    await press('ArrowLeft');
    await sendKeys({ down: 'Shift' });
    await press('ArrowDown');
    await sendKeys({ up: 'Shift' });
    // The inbox's own arrow keys did nothing: the press was the hotspot's.
    expect(hotspot.getAttribute('aria-label')).to.contain(`${Math.round(start.x * 100) - 2}% across, ${Math.round(start.y * 100) + 10}% down`);
    await waitUntil(async () => {
      const now = (await saved(post.id)).find((t) => t.tagId === tagId)!.hotspot;
      return Math.abs(now.x - (start.x - 0.02)) < 1e-6 && Math.abs(now.y - (start.y + 0.1)) < 1e-6;
    }, 'the keyed position was not saved');

    for (let i = 0; i < 3; i++) {
      await sendKeys({ down: 'Shift' });
      await press('ArrowRight');
      await sendKeys({ up: 'Shift' });
    }
    await waitUntil(async () => (await saved(post.id)).find((t) => t.tagId === tagId)!.hotspot.x === 1, 'the hotspot did not stop at the edge');
    expect(hotspot.style.left).to.equal('100%');
  });

  it('puts a hotspot back, with a toast saying why, when the server refuses the move', async () => {
    const hotspot = hotspots()[0]!;
    const tagId = hotspot.dataset.tagId!;
    const before = { ...detailTags().find((t) => t.tagId === tagId)!.hotspot };
    // Someone else removed the tag meanwhile: the server answers 404 to the move.
    await api.removeTag(post.id, tagId);
    hotspot.focus();
    await press('ArrowUp');
    // Leaving the hotspot saves a run of arrow presses at once.
    button(/^Add product$/)!.focus();
    await waitUntil(() => toast().includes('Could not move Ripple Stoneware Vase'), 'the refusal was not shown');
    const now = detailTags().find((t) => t.tagId === tagId)!.hotspot;
    expect({ x: now.x, y: now.y }).to.deep.equal({ x: before.x, y: before.y });
    expect(hotspots()[0]!.style.top).to.equal(`${before.y * 100}%`);

    // Removing it answers 404 as well: it comes back, in its place in the list.
    hotspots()[0]!.focus();
    await press('Delete');
    await waitUntil(() => toast().includes('Could not remove Ripple Stoneware Vase'), 'the refused removal was not shown');
    expect(hotspots()).to.have.length(1);
    expect(dialog()!.querySelector('.tag-list')!.textContent).to.contain(VASE);
    // Reload the details: the server's truth (the tag is gone) replaces the rolled-back view.
    await openDetail(post.id);
    await waitUntil(() => dialog()?.querySelector('.tag-stage'));
  });

  it('rolls a new tag back when the server refuses it', async () => {
    const session = $session.get()!;
    // A stale CSRF token: the real server refuses the write with a 403.
    $session.set({ ...session, csrfToken: 'stale' });
    try {
      const count = hotspots().length;
      button(/^Add product$/)!.click();
      await waitUntil(() => options().length > 0, 'no suggestions');
      await press('Enter');
      await waitUntil(() => toast().includes('Could not tag'), 'the refusal was not shown');
      expect(hotspots()).to.have.length(count);
      expect(detailTags().some((t) => t.tagId.startsWith('pending-'))).to.equal(false);
    } finally {
      $session.set(session);
    }
  });

  it('removes the focused hotspot with Delete, and from the list', async () => {
    // Back on the first picture, which holds the tag from the first test.
    button(/^Image 1/)!.click();
    await waitUntil(() => stage().dataset.mediaId === post.media[0]!.id && hotspots().length === 1);
    const tagId = hotspots()[0]!.dataset.tagId!;
    hotspots()[0]!.focus();
    await press('Delete');
    await waitUntil(() => hotspots().length === 0, 'Delete did not remove the hotspot');
    expect(document.activeElement).to.equal(button(/^Add product$/));
    await waitUntil(() => toast().includes('Removed '), 'the removal was not announced');
    expect((await saved(post.id)).some((t) => t.tagId === tagId)).to.equal(false);

    // The list's Remove button does the same for a tag on another picture.
    const [x, y] = pointOnStage(0.5, 0.5);
    await sendMouse({ type: 'click', position: [x, y] });
    await waitUntil(() => options().length > 0);
    await press('Enter');
    await waitUntil(() => hotspots().length === 1 && hotspots()[0]!.getAttribute('aria-disabled') === null);
    const title = detailTags()[0]!.title;
    button(new RegExp(`^Remove ${title}$`))!.click();
    await waitUntil(() => hotspots().length === 0 && !dialog()!.querySelector('.tag-list'), 'Remove did not empty the list');
    expect(await saved(post.id)).to.have.length(0);
  });
});
