import { css } from 'lit';
import { roundButton } from './round-button.styles.ts';

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
    --_accent: var(--vitrine-accent, currentColor);
    --_gap: var(--vitrine-gap, 0.5rem);
    --_radius: var(--vitrine-radius, 0.5rem);

    display: block;
    /* The column count follows the space the gallery gets, not the viewport's. */
    container-type: inline-size;
    color: var(--vitrine-color, inherit);
    font-family: var(--vitrine-font, inherit);
  }

  /*
   * The page's own CSS can't reach inside, but inherited properties can, and the page's rules on
   * the element itself win over :host. So the shadow tree's top elements undo what a storefront
   * theme may set on a section (centred or upper-case text, letter spacing, tight lines...);
   * the font family and size still come from the page.
   */
  :host > * {
    line-height: 1.4;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    font-style: normal;
    visibility: visible;
    cursor: auto;
  }

  /*
   * Hidden (the page's choice, or a visitor in the holdout) takes no room at all. Important, as
   * a !important rule of the shadow tree wins over the page's rules on the element, such as the
   * room a store reserves with vitrine-gallery { min-height: 20rem }.
   */
  :host([hidden]) {
    display: none !important;
  }

  .frame {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }

  .body,
  ::slotted([slot='reserve']) {
    grid-area: 1 / 1;
  }

  .loading {
    min-height: var(--vitrine-min-height, 20rem);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .tiles {
    /* Keep these breakpoints in step with SIZES in gallery.ts and the embed code's (shared/embed-code.ts). */
    --_columns: 2;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  @container (min-width: 480px) {
    .tiles {
      --_columns: 3;
    }
  }

  @container (min-width: 768px) {
    .tiles {
      --_columns: 4;
    }
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(var(--vitrine-columns, var(--_columns)), minmax(0, 1fr));
    gap: var(--_gap);
  }

  /* Columns of photos in their own shapes; each keeps the ratio of its width/height attributes. */
  .masonry {
    columns: var(--vitrine-columns, var(--_columns));
    column-gap: var(--_gap);
  }

  .masonry > li {
    break-inside: avoid;
    margin-bottom: var(--_gap);
  }

  .carousel {
    position: relative;
  }

  .carousel .tiles {
    display: grid;
    grid-auto-flow: column;
    /* A glimpse of the next tile tells there is more to swipe to. */
    grid-auto-columns: calc((100% - var(--_gap) * (var(--vitrine-columns, var(--_columns)) - 1)) / (var(--vitrine-columns, var(--_columns)) + 0.25));
    gap: var(--_gap);
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scrollbar-width: none;
  }

  .carousel .tiles > li {
    scroll-snap-align: start;
  }

  @media (prefers-reduced-motion: no-preference) {
    .carousel .tiles {
      scroll-behavior: smooth;
    }
  }

  .carousel-button {
    position: absolute;
    z-index: 1;
    top: calc(50% - 1.5rem);
    ${roundButton}
    background: var(--vitrine-button-background, Canvas);
    color: var(--vitrine-button-color, inherit);
  }

  .carousel-button[aria-disabled='true'] {
    opacity: 0.35;
    cursor: default;
  }

  /* Logical sides: on a right-to-left page, "previous" is on the right and its arrow points right. */
  .previous {
    inset-inline-start: 0.25rem;
  }

  .next {
    inset-inline-end: 0.25rem;
  }

  :host(:dir(rtl)) .carousel-button span {
    transform: scaleX(-1);
  }

  .open {
    display: block;
    width: 100%;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    cursor: zoom-in;
  }

  figure {
    margin: 0;
  }

  img {
    display: block;
    width: 100%;
    height: auto;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* Square tiles by default. The masonry sets no ratio: the width/height attributes give it. */
  .grid img,
  .carousel img,
  .still {
    aspect-ratio: var(--vitrine-tile-aspect-ratio, 1);
  }

  /* A video without a still image: the surface with a play mark. */
  .still {
    display: grid;
    place-items: center;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .still::after {
    content: '▶';
    font-size: 2em;
  }

  /* A fixed height (the username's line and the caption's), so every row is as tall as the embed code's reserved room expects. */
  figcaption {
    height: calc(1.4em * (1 + var(--vitrine-caption-lines, 3)));
    margin-top: 0.375rem;
    overflow: hidden;
    font-size: 0.875em;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }

  .username {
    display: block;
    overflow: hidden;
    color: var(--_muted);
    font-weight: 600;
    white-space: nowrap;
    text-overflow: ellipsis;
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

  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
