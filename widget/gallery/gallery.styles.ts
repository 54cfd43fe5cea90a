import { css } from 'lit';

/**
 * Every colour derives from the text colour the page gives the element (`currentColor`), so the
 * gallery reads well on a light page, a dark page, or a page that follows
 * `prefers-color-scheme`, without guessing which. (Switching on `prefers-color-scheme` here would
 * turn grey-on-white on a light page whose visitor's system is dark.) Fonts and sizes inherit
 * too. Every value a merchant may want to change is a `--vitrine-*` custom property (see the
 * element's JSDoc) or reachable with `::part`.
 */
export const galleryStyles = css`
  :host {
    --_surface: var(--vitrine-surface, color-mix(in srgb, currentColor 10%, transparent));
    --_muted: var(--vitrine-muted-color, color-mix(in srgb, currentColor 72%, transparent));
    --_gap: var(--vitrine-gap, 0.5rem);
    --_radius: var(--vitrine-radius, 0.5rem);

    display: block;
    /* The column count follows the space the gallery gets, not the viewport's. */
    container-type: inline-size;
    color: var(--vitrine-color, inherit);
    font-family: var(--vitrine-font, inherit);
  }

  :host([hidden]) {
    display: none;
  }

  .loading {
    min-height: var(--vitrine-min-height, 20rem);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .grid {
    /* Keep these breakpoints in step with SIZES in gallery.ts. */
    --_columns: 2;
    display: grid;
    grid-template-columns: repeat(var(--vitrine-columns, var(--_columns)), minmax(0, 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  @container (min-width: 480px) {
    .grid {
      --_columns: 3;
    }
  }

  @container (min-width: 768px) {
    .grid {
      --_columns: 4;
    }
  }

  figure {
    margin: 0;
  }

  img {
    display: block;
    width: 100%;
    height: auto;
    /* Square tiles by default; 'auto' uses each photo's own width/height attributes. */
    aspect-ratio: var(--vitrine-tile-aspect-ratio, 1);
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  figcaption {
    margin-top: 0.375rem;
    font-size: 0.875em;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }

  .username {
    display: block;
    color: var(--_muted);
    font-weight: 600;
  }

  .text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--vitrine-caption-lines, 3);
    overflow: hidden;
  }

  .error,
  .empty {
    margin: 0;
    padding: 1rem 0;
  }

  .error {
    color: var(--vitrine-error-color, inherit);
  }

  .empty {
    color: var(--_muted);
  }

  .load-more {
    display: block;
    margin: var(--_gap) auto 0;
    padding: 0.625em 1.5em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: var(--vitrine-button-background, transparent);
    color: var(--vitrine-button-color, inherit);
    font: inherit;
    cursor: pointer;
  }

  .load-more:disabled {
    cursor: progress;
    opacity: 0.6;
  }

  .load-more:focus-visible,
  a:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
`;
