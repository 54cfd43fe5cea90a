import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { App } from './app.tsx';
import { $router } from './stores/router.ts';
import { after, before, describe, it, mount, signIn, unmount } from './testing/harness.tsx';

/** The panel's main pages: each must fit the width of a small laptop and of a phone. */
const PAGES = ['/panel/', '/panel/sources', '/panel/catalog', '/panel/galleries', '/panel/rights', '/panel/settings', '/panel/members', '/panel/instagram', '/panel/reports'];

/** Inside a box that scrolls (or clips) on its own, like a wide table on a phone: the page does not move. */
function inOwnScroller(el: HTMLElement): boolean {
  for (let box = el.parentElement; box && !box.classList.contains('shell'); box = box.parentElement) {
    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(box).overflowX)) return true;
  }
  return false;
}

/** The visible elements that stick out past the right edge of the window, by tag and class. */
function overflowing(): string[] {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll<HTMLElement>('.shell *')]
    .filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1 && !el.closest('[hidden], .visually-hidden') && !inOwnScroller(el);
    })
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
    .slice(0, 8);
}

describe('the panel fits the window', () => {
  let host: HTMLElement | undefined;
  before(signIn);
  after(async () => {
    if (host) unmount(host);
    $router.open('/panel/', true);
    await setViewport({ width: 800, height: 600 });
  });

  for (const [width, height] of [
    [1024, 768],
    [390, 844],
  ] as const) {
    it(`at ${width} px: no page scrolls sideways`, async () => {
      await setViewport({ width, height });
      host ??= mount(<App />, { height });
      await waitUntil(() => document.querySelector('.topbar'), 'the panel did not show', { timeout: 10_000 });
      for (const page of PAGES) {
        $router.open(page);
        await waitUntil(() => document.querySelector('.content h1'), `${page} did not show`, { timeout: 10_000 });
        // Pages fill in from the API after their heading: give them the moment to.
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        expect(overflowing(), `${page} at ${width} px`).to.deep.equal([]);
        expect(document.documentElement.scrollWidth, `${page} at ${width} px`).to.be.at.most(width);
        if (page === '/panel/') {
          // Each row's rights badge shows whole, however many source badges the row carries.
          await waitUntil(() => document.querySelector('.post-row'), 'the inbox rows did not load', { timeout: 10_000 });
          for (const row of document.querySelectorAll<HTMLElement>('.post-row')) {
            const head = row.querySelector('.row-head')!.getBoundingClientRect();
            const badge = row.querySelector('[class*="rights-"]')!.getBoundingClientRect();
            expect(badge.right, `the rights badge of ${row.dataset.postId} at ${width} px`).to.be.at.most(head.right + 0.5);
          }
        }
      }
    });
  }
});
