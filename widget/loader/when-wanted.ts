/**
 * Calls `callback` once, when the gallery is worth loading: at once if `element` is in the
 * window when the page is first laid out (IntersectionObserver's first report); otherwise when
 * it comes into view, or once the page has loaded and painted, whichever is first. So a gallery
 * below the fold never competes with the page's own first paint for the network and the main
 * thread, and one in view starts as soon as the browser knows it is.
 */
export function whenWanted(element: Element, callback: () => void): void {
  // The element's own window (a test's frame; the page's, from embed.js).
  const win = element.ownerDocument.defaultView as Window & typeof globalThis;
  // Emptied by the first call: later reports, load events and frames find nothing to call. (A
  // callback that threw would be called again; embed.js's only starts its imports, and cannot.)
  let pending: (() => void) | null = callback;
  const go = (): void => {
    observer.disconnect();
    pending?.();
    pending = null;
  };
  // `load` can come before the first paint (a small page, a fast or warm connection): the frame
  // it paints goes first, then the gallery (the task after a frame's callbacks runs after it).
  const afterNextPaint = () => win.requestAnimationFrame(() => win.setTimeout(go));
  // One element observed: every report holds its entry.
  const observer = new win.IntersectionObserver(([entry]) => {
    if (entry!.isIntersecting) go();
    else if (win.document.readyState === 'complete') afterNextPaint();
    // Added once however often this runs: the same listener is not added twice.
    else win.addEventListener('load', afterNextPaint);
  });
  observer.observe(element);
}
