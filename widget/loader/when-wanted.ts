/**
 * Calls `callback` once, when the gallery is worth loading: at once if `element` is in the
 * window when the page is first laid out (IntersectionObserver's first report); otherwise when
 * it comes into view or when the page has loaded, whichever is first. So a gallery below the
 * fold never competes with the page's own first paint for the network and the main thread,
 * and one in view starts as soon as the browser knows it is.
 */
export function whenWanted(element: Element, callback: () => void): void {
  // The element's own window (a test's frame; the page's, from embed.js).
  const win = element.ownerDocument.defaultView as Window & typeof globalThis;
  let first = true;
  const go = (): void => {
    observer.disconnect();
    win.removeEventListener('load', go);
    callback();
  };
  const observer = new win.IntersectionObserver(([entry]) => {
    if (entry?.isIntersecting || win.document.readyState === 'complete') go();
    else if (first) win.addEventListener('load', go);
    first = false;
  });
  observer.observe(element);
}
