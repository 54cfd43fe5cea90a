import { useEffect, useRef } from 'preact/hooks';
import { reserveCss, type EmbeddedGallery } from '../../../shared/embed-code.ts';
import { t } from '../../i18n/i18n.ts';

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
 * The room the embed code reserves, as a constructable stylesheet: the panel's CSP allows no
 * inline <style>, and adopted sheets are not inline. One sheet, rewritten for the gallery shown.
 */
const reserveSheet = new CSSStyleSheet();

/**
 * The gallery as shoppers will see it: the real widget, loaded by the real embed.js, with the
 * room the embed code reserves (shared/embed-code.ts). `version` changes after each save, which
 * mounts a fresh <vitrine-gallery>.
 */
export function LivePreview({ gallery: { id: galleryId, layout, pageSize }, version }: { gallery: EmbeddedGallery; version: number }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ensureLoader();
    reserveSheet.replaceSync(reserveCss({ id: galleryId, layout, pageSize }));
    if (!document.adoptedStyleSheets.includes(reserveSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, reserveSheet];
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
        const reserve = document.createElement('div');
        reserve.slot = 'reserve';
        gallery.append(reserve);
        host.current.replaceChildren(gallery);
      });
    return () => {
      cancelled = true;
    };
  }, [galleryId, layout, pageSize, version]);
  return <div class="live-preview" ref={host} role="region" aria-label={t('galleries.preview')} />;
}
