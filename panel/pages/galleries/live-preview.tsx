import { useEffect, useRef } from 'preact/hooks';

const EMBED_SRC = '/embed.js';

/** Adds the real loader once, exactly as a merchant's page does. */
function ensureLoader(): void {
  if (document.querySelector(`script[src="${EMBED_SRC}"]`)) return;
  const script = document.createElement('script');
  script.async = true;
  script.src = EMBED_SRC;
  document.head.append(script);
}

/**
 * The gallery as shoppers will see it: the real widget, loaded by the real embed.js. `version`
 * changes after each save, which mounts a fresh <vitrine-gallery>.
 */
export function LivePreview({ galleryId, version }: { galleryId: string; version: number }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ensureLoader();
    let cancelled = false;
    // The gallery API lets browsers cache its answer for a few seconds, so the fresh widget
    // could be served the answer from before the save: reloading that cache entry first makes
    // the widget's own request (the same URL) get what was just saved.
    fetch(`/v1/galleries/${encodeURIComponent(galleryId)}/posts`, { cache: 'reload' })
      .catch(() => undefined)
      .finally(() => {
        if (cancelled || !host.current) return;
        const gallery = document.createElement('vitrine-gallery');
        gallery.setAttribute('gallery', galleryId);
        // A merchandiser looking is not a shopper: no events, no holdout.
        gallery.setAttribute('preview', '');
        host.current.replaceChildren(gallery);
      });
    return () => {
      cancelled = true;
    };
  }, [galleryId, version]);
  return <div class="live-preview" ref={host} role="region" aria-label="Live preview" />;
}
