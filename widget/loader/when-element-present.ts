/**
 * Calls `callback` once, as soon as an element named `tag` is in the document: now, or when
 * the parser or the page's own script adds one later (the loader is `async`, so it often runs
 * before the rest of the page is parsed). Elements inside other shadow roots are not seen.
 */
export function whenElementPresent(doc: Document, tag: string, callback: () => void): void {
  if (doc.querySelector(tag)) {
    callback();
    return;
  }
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && (node.localName === tag || node.querySelector(tag))) {
          observer.disconnect();
          callback();
          return;
        }
      }
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
}
