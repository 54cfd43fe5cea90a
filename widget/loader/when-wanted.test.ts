import { expect, waitUntil } from '@open-wc/testing';
import { whenWanted } from './when-wanted.ts';
import { afterEach, describe, it } from '../testing/mocha.ts';

/**
 * A page still loading (its document open, so no `load` yet) in a frame at the top of the
 * window: one probe element at its top, one far below its fold.
 */
function loadingPage(): { frame: HTMLIFrameElement; doc: Document; top: Element; below: Element } {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position: fixed; top: 0; left: 0; width: 400px; height: 300px; border: 0';
  document.body.append(frame);
  const doc = frame.contentDocument!;
  doc.open();
  doc.write('<!doctype html><title>Store</title><vitrine-probe id="top">top</vitrine-probe><div style="height: 3000px"></div><vitrine-probe id="below">below</vitrine-probe>');
  return { frame, doc, top: doc.getElementById('top')!, below: doc.getElementById('below')! };
}

/**
 * Resolves once an observer made after `whenWanted`'s has reported the element laid out (a
 * report may come before the first layout): `whenWanted`'s had the same report just before.
 */
function laidOut(element: Element): Promise<void> {
  const win = element.ownerDocument.defaultView as Window & typeof globalThis;
  return new Promise((resolve) => {
    const observer = new win.IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.boundingClientRect.height > 0)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(element);
  });
}

/** Resolves in the task after the window's next frame, as whenWanted waits for it. */
const nextPaint = (win: Window) => new Promise<void>((resolve) => win.requestAnimationFrame(() => win.setTimeout(() => win.setTimeout(resolve))));

describe('whenWanted', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('calls back at the first layout when the element is in the window, before the page has loaded', async () => {
    const { doc, top } = loadingPage();
    let calls = 0;
    whenWanted(top, () => (calls += 1));
    // The page never loads until doc.close() below: a call can only come from the layout.
    await waitUntil(() => calls > 0, 'no call while the page loads');
    expect(calls).to.equal(1);
    expect(doc.readyState).to.equal('loading');
    doc.close();
  });

  it('waits for the page to load when the element is below the fold, then calls back once, after the load event', async () => {
    const { frame, doc, below } = loadingPage();
    const win = frame.contentWindow!;
    let calls = 0;
    whenWanted(below, () => (calls += 1));
    await laidOut(below);
    expect(calls, 'not while the page loads').to.equal(0);
    // Added after whenWanted's own listener, so it runs after it in the same load event.
    let atLoad = -1;
    win.addEventListener('load', () => (atLoad = calls));
    doc.close();
    await waitUntil(() => calls > 0, 'no call once the page had loaded');
    expect(atLoad, 'not in the load event itself: after the frame it paints').to.equal(0);
    win.dispatchEvent(new Event('load'));
    await nextPaint(win);
    expect(calls).to.equal(1);
  });

  it('calls back when an element below the fold is scrolled into view before the page has loaded', async () => {
    const { doc, below } = loadingPage();
    let calls = 0;
    whenWanted(below, () => (calls += 1));
    await laidOut(below);
    expect(calls).to.equal(0);
    below.scrollIntoView();
    await waitUntil(() => calls > 0, 'no call once in view');
    expect(doc.readyState).to.equal('loading');
    doc.close();
  });
});
