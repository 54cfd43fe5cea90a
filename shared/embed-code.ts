/**
 * The code a merchant pastes into a store page, and the room it reserves for the gallery, shared
 * by the server (the panel's "Embed" card) and the panel's live preview, so both give the same.
 *
 * The room is a block inside the element (`slot="reserve"`) sized by CSS from the element's own
 * width, with the widget's geometry (widget/gallery/gallery.styles.ts): a page of `pageSize`
 * tiles in 2 columns, 3 from 480 px wide and 4 from 768 px (or `--vitrine-columns`), each a photo
 * of `--vitrine-tile-aspect-ratio` over a caption of a fixed height, `--vitrine-gap` apart, then
 * the "Load more" button. Before the script runs, the block holds that room; once it has run, the
 * element is as tall as the taller of the block and the gallery, so the page below never moves.
 * A masonry's photos keep their own shapes: its room is a grid's, which its columns may outgrow.
 */
export interface EmbeddedGallery {
  id: string;
  layout: 'grid' | 'masonry' | 'carousel';
  pageSize: number;
}

const GAP = 'var(--vitrine-gap,.5rem)';
const COLUMNS = 'var(--vitrine-columns,var(--_c))';
// The figcaption: .375rem above, then the username's line and the caption's lines at 1.4 × .875em.
const CAPTION = '(.375rem + 1.225em * (1 + var(--vitrine-caption-lines,3)))';
const PHOTO = (across: string) => `((100cqw - (${COLUMNS} - 1) * ${GAP}) / ${across} / var(--vitrine-tile-aspect-ratio,1))`;
// The button: one 1.4 line, .625em padding above and below, 1px borders, a gap above it.
const LOAD_MORE = `(${GAP} + 2.65em + 2px)`;

function reservedHeight({ layout, pageSize }: EmbeddedGallery): string {
  if (layout === 'carousel') return `calc(${PHOTO(`(${COLUMNS} + .25)`)} + ${CAPTION})`;
  const rows = `round(up, calc(${pageSize} / ${COLUMNS}), 1)`;
  return `calc(${rows} * (${PHOTO(COLUMNS)} + ${CAPTION}) + (${rows} - 1) * ${GAP} + ${LOAD_MORE})`;
}

/**
 * The CSS of the reserved room. Its rules name the gallery and say `!important`, so a store
 * theme's broad rules (on every div, say) cannot resize it.
 */
export function reserveCss(gallery: EmbeddedGallery): string {
  const host = `vitrine-gallery[gallery="${gallery.id}"]`;
  const reserve = `${host}>[slot=reserve]`;
  return [
    `${host}{display:block;container-type:inline-size;--vitrine-min-height:0}`,
    `${reserve}{--_c:2;display:block!important;box-sizing:border-box!important;height:${reservedHeight(gallery)}!important;min-height:0!important;max-height:none!important;margin:0!important;padding:0!important;border:0!important;font:inherit!important;grid-area:1/1}`,
    `@container (min-width:480px){${reserve}{--_c:3}}`,
    `@container (min-width:768px){${reserve}{--_c:4}}`,
  ].join('\n');
}

/** The element with its reserve block, as pasted (the gallery's id is letters, digits, _ and -). */
const galleryElement = (gallery: EmbeddedGallery): string => `<vitrine-gallery gallery="${gallery.id}"><div slot="reserve"></div></vitrine-gallery>`;

/** The snippet a merchant pastes into a page: the loader, the element, and its room. */
export function embedCode(origin: string, gallery: EmbeddedGallery): string {
  return `<script async src="${origin}/embed.js"></script>\n${galleryElement(gallery)}\n<style>\n${reserveCss(gallery)}\n</style>`;
}

/** The theme editor's settings for the section: one choice, with the store's own words. */
const SHOPIFY_SCHEMA = {
  name: 'Vitrine gallery',
  tag: 'section',
  settings: [{ type: 'checkbox', id: 'this_product', label: 'On a product page, show the photos of that product', default: true }],
  presets: [{ name: 'Vitrine gallery' }],
};

/**
 * The same gallery as a Shopify theme section, which merchants add where they want it in the
 * theme editor (Shopify no longer lets apps add storefront script tags). It adds to Shopify's
 * cart, speaks the storefront's language, and on a product page shows that product's posts: a
 * catalog imported from Shopify groups its variants by product id (catalog/read/shopify.ts).
 */
export function shopifySection(origin: string, gallery: EmbeddedGallery): string {
  const product = `{% if product and section.settings.this_product %} product="{{ product.id }}"{% endif %}`;
  return [
    `<script async src="${origin}/embed.js"></script>`,
    `<vitrine-gallery gallery="${gallery.id}" cart="shopify" lang="{{ request.locale.iso_code }}"${product}><div slot="reserve"></div></vitrine-gallery>`,
    `<style>\n${reserveCss(gallery)}\n</style>`,
    `{% schema %}\n${JSON.stringify(SHOPIFY_SCHEMA, null, 2)}\n{% endschema %}`,
  ].join('\n');
}
