import { css } from 'lit';
import { roundButton } from '../gallery/round-button.styles.ts';

/**
 * Adopted into the gallery's shadow root when the lightbox loads. The dialog sits in the
 * browser's top layer, above anything the page stacks, and takes its colours from the page's
 * `color-scheme` (Canvas, CanvasText) unless the merchant sets the custom properties.
 */
export const lightboxStyles = css`
  .lightbox {
    --_bg: var(--vitrine-lightbox-background, Canvas);
    box-sizing: border-box;
    width: min(calc(100vw - 1rem), 72rem);
    max-width: none;
    max-height: calc(100dvh - 1rem);
    margin: auto;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--vitrine-lightbox-color, CanvasText);
    font: inherit;
    line-height: 1.4;
    overflow: auto;
    overscroll-behavior: contain;
  }

  .lightbox::backdrop {
    background: var(--vitrine-backdrop, rgb(0 0 0 / 0.75));
  }

  .body {
    display: grid;
    gap: 1rem;
    padding: 3.75rem 1rem 1rem;
  }

  @media (min-width: 768px) {
    .body {
      grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
      padding: 1.5rem 4rem;
    }
  }

  .close,
  .post-button,
  .media-button {
    ${roundButton}
    background: var(--_bg);
    color: inherit;
  }

  .close,
  .post-button {
    position: absolute;
    z-index: 1;
    top: 0.5rem;
  }

  /* Logical sides, so a right-to-left page gets the mirror image. */
  .close {
    inset-inline-end: 0.5rem;
  }

  .previous-post {
    inset-inline-start: 0.5rem;
  }

  .next-post {
    inset-inline-start: 3.75rem;
  }

  :host(:dir(rtl)) .post-button span,
  :host(:dir(rtl)) .media-button span {
    transform: scaleX(-1);
  }

  @media (min-width: 768px) {
    .post-button {
      top: calc(50% - 1.375rem);
    }

    .next-post {
      inset-inline-start: auto;
      inset-inline-end: 0.5rem;
    }
  }

  .post-button[aria-disabled='true'],
  .media-button:disabled {
    opacity: 0.35;
    cursor: default;
  }

  .stage {
    display: grid;
    gap: 0.5rem;
    justify-items: center;
    align-content: start;
  }

  /* The frame has the media's own shape, so hotspot fractions land on the right spot. */
  .frame {
    position: relative;
    aspect-ratio: var(--_ratio, 1);
    width: min(100%, calc(min(70dvh, 48rem) * var(--_ratio, 1)));
  }

  .media {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .media-nav {
    display: flex;
    gap: 1rem;
    align-items: center;
  }

  .hotspot {
    position: absolute;
    width: 1.75rem;
    height: 1.75rem;
    margin: -0.875rem 0 0 -0.875rem;
    padding: 0;
    border: 2px solid var(--vitrine-accent-contrast, Canvas);
    border-radius: 50%;
    background: var(--_accent);
    box-shadow: 0 0 0 2px rgb(0 0 0 / 0.3);
    cursor: pointer;
  }

  .hotspot::after {
    content: '';
    position: absolute;
    inset: 30%;
    border-radius: 50%;
    background: var(--vitrine-accent-contrast, Canvas);
  }

  .hotspot[aria-expanded='true'] {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  /* Placed by floating-ui: beside its hotspot, flipped and shifted to stay on screen. */
  .hotspot-card {
    position: fixed;
    z-index: 2;
    top: 0;
    left: 0;
    box-sizing: border-box;
    width: max-content;
    max-width: min(20rem, calc(100vw - 1rem));
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.3);
  }

  .details {
    display: grid;
    gap: 0.75rem;
    align-content: start;
  }

  .title,
  .products-title {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
  }

  .products-title {
    font-size: 1rem;
  }

  .caption {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .products {
    display: grid;
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .product {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
  }

  .product-image {
    flex: none;
    width: 4rem;
    height: 4rem;
    object-fit: cover;
    border-radius: var(--_radius);
  }

  .product-text p {
    margin: 0;
  }

  .product-title {
    font-weight: 600;
  }

  .product-availability {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .product-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }

  .shop,
  .add-to-cart {
    padding: 0.5em 1em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    font: inherit;
    text-decoration: none;
    cursor: pointer;
  }

  .add-to-cart {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--vitrine-accent-contrast, Canvas);
  }

  .add-to-cart:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }

  .status {
    margin: 0;
  }
`;
