import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { GalleryPostsResponse, PublicGallery, PublicPost } from '../../shared/api-types.ts';
import { isHoldout } from '../../shared/holdout.ts';
import { MAX_POSTS_PER_IMPRESSION } from '../../shared/tracking-limits.ts';
import lightboxChunk from 'virtual:vitrine/lightbox-chunk';
import type { Lightbox } from '../lightbox/lightbox.ts';
import { watchImpression } from '../tracking/impression.ts';
import type { GalleryTracking, MirrorExtras, WidgetEvent } from '../tracking/types.ts';
import { GalleryApiError, fetchGalleryPage } from './api.ts';
import { galleryStyles } from './gallery.styles.ts';
import { responsiveImg } from './responsive-img.ts';
import { readSsrTiles, readSsrTracking, type SsrTile } from './ssr.ts';
import { tileImage, type TileImage } from './tile-image.ts';
import { languageOf, stringsOf, withOverrides } from '../i18n/load.ts';
import { EN, fill, type Strings } from '../i18n/strings.ts';

type LightboxModule = typeof import('../lightbox/lightbox.ts');

export const GALLERY_TAG = 'vitrine-gallery';

export type GalleryLayout = PublicGallery['layout'];
const LAYOUTS: readonly string[] = ['grid', 'masonry', 'carousel'] satisfies GalleryLayout[];

/** Tiles whose photos load eagerly when the gallery starts in view: a phone's two rows, a desktop's row. */
const EAGER_TILES = 4;

/** `#vitrine=POST_ID` in the page's URL opens that post (see the lightbox). */
const DEEP_LINK = /^#vitrine=([\w-]{1,64})$/;
/** How many more pages a deep link may load while looking for its post. */
const DEEP_LINK_PAGES = 5;

/**
 * How wide a tile is, for the browser to choose from `srcset`. Chromium measures the laid-out
 * image itself (`auto`, lazy images only); other browsers take the first matching estimate,
 * which assumes the gallery spans the viewport and uses the default column counts of
 * gallery.styles.ts, so it errs towards sharper images, never blurrier ones.
 */
const SIZES_ESTIMATE = '(min-width: 768px) 25vw, (min-width: 480px) 34vw, 50vw';
const SIZES = `auto, ${SIZES_ESTIMATE}`;

type View =
  | { status: 'loading' }
  /** The visitor is in the randomized holdout: no gallery at all (shared/holdout.ts). */
  | { status: 'holdout' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      gallery: PublicGallery;
      posts: PublicPost[];
      nextCursor: string | null;
      loadingMore: boolean;
      /** Why the last "load more" failed; the posts already shown stay. */
      moreError: string | null;
    };

/** Set once by `defineGallery`, before any element can upgrade. */
let apiOrigin = '';
/** The page's tracker, from embed.js; absent, nothing is tracked (and nobody is held out). */
let tracking: GalleryTracking | undefined;
/** What was already counted on this page view: an impression or a holdout exposure per gallery, once. */
const counted = new Set<string>();
const firstTime = (key: string) => !counted.has(key) && !!counted.add(key);

/**
 * A gallery of a merchant's approved, rights-cleared customer posts. Opening a post shows it in
 * a lightbox with its tagged products, loaded on the shopper's first interaction.
 *
 * Before the script loads, the element is unknown to the browser and takes no room; the panel's
 * embed code keeps the page from shifting with a `<div slot="reserve">` inside it, sized by its
 * `<style>` to the room the gallery takes (shared/embed-code.ts). Or put the server-rendered
 * gallery inside it (`GET /v1/galleries/:id/posts.html`, see widget/README.md): the element
 * draws the same tiles while it loads and keeps that list, hidden, for crawlers.
 *
 * @slot reserve - A block as tall as the room reserved for the gallery; the element is as tall
 *   as the taller of it and the gallery.
 *
 * Styles are adopted constructable stylesheets, which a Content-Security-Policy `style-src`
 * does not block, and the element sets no `style` attribute; in browsers without them, Lit
 * writes a <style> element carrying `window.litNonce` when the page sets it. Under Trusted
 * Types, allow the `lit-html` policy. Captions, usernames and product titles are always text.
 *
 * @attr gallery - Required: the id of the gallery to show.
 * @attr layout - `grid`, `masonry` or `carousel`; the gallery's own layout (set in the panel)
 *   when absent. Other values warn in the console and show that layout.
 * @attr limit - How many posts a page holds; the API's default when absent.
 * @attr product - Only posts showing this product (its SKU or product group), for product pages.
 * @attr in-stock - Only posts whose products are in stock.
 * @attr preview - Tracks nothing and holds nobody out: the panel's live preview.
 * @attr lang - The language of its words (English, French, German, Spanish, Italian, Dutch);
 *   absent, its nearest ancestor's, else the browser's (widget/i18n/).
 * @attr strings - The merchant's own words over the language's, as JSON (keys of i18n/strings.ts).
 * @attr cart - `shopify` adds to the Shopify cart (`/cart/add.js`, the variant found by SKU),
 *   `woocommerce` to the WooCommerce cart (the Store API, the product found by SKU); when
 *   absent, "Add to cart" opens the product page unless the page handles `vitrine:add-to-cart`.
 *
 * @fires vitrine-load - A page of posts was shown. `detail: { posts: number, hasMore: boolean }`
 *   counts every post shown so far.
 * @fires vitrine-error - A page could not be loaded. `detail: { code: string, message: string }`.
 * @fires vitrine:add-to-cart - The shopper asked to add a product to the cart. Cancelable,
 *   bubbling and composed; `detail: { product, postId, galleryId, quantity, confirm }`. Call
 *   `preventDefault()` to add it with the store's own cart, then `detail.confirm()` to tell the
 *   shopper; otherwise the `cart` adapter runs. `vitrine('on', 'add-to-cart', (detail, event) => …)`
 *   listens to it too.
 *
 * @csspart loading - The box that holds the gallery's place while the first page loads.
 * @csspart error - The message shown when a page could not be loaded.
 * @csspart empty - The message shown when the gallery has no posts.
 * @csspart grid - The list of tiles, whatever the layout.
 * @csspart carousel - The carousel's frame, around the list and its buttons.
 * @csspart carousel-button - The carousel's previous and next buttons (also `previous`/`next`).
 * @csspart tile - One post (carries `data-post-id`).
 * @csspart open - The button around a post's photo that opens the lightbox.
 * @csspart image - A post's photo.
 * @csspart caption - The caption block under a photo.
 * @csspart username - The author's @username, a link to the original post when there is one.
 * @csspart text - The caption's text.
 * @csspart load-more - The button that loads the next page.
 * @csspart lightbox - The lightbox dialog; the lightbox's own parts are listed in lightbox.ts.
 *
 * @cssprop [--vitrine-columns] - Number of columns (default: 2, 3 from 480px wide, 4 from 768px).
 * @cssprop [--vitrine-gap=0.5rem] - Space between tiles.
 * @cssprop [--vitrine-radius=0.5rem] - Corner radius of photos and buttons.
 * @cssprop [--vitrine-tile-aspect-ratio=1] - Shape of the photos in the grid and the carousel
 *   (the masonry keeps each photo's own).
 * @cssprop [--vitrine-caption-lines=3] - Lines of caption shown before it is cut; the caption area
 *   is that tall (and a line for the username) whatever the caption, so rows stay even.
 * @cssprop [--vitrine-min-height=20rem] - Room held while the first page loads.
 * @cssprop [--vitrine-font=inherit] - Font family.
 * @cssprop [--vitrine-color=inherit] - Text colour.
 * @cssprop [--vitrine-muted-color] - Colour of usernames (default: the text colour at 72%).
 * @cssprop [--vitrine-surface] - Background of photos not yet loaded and of the loading box
 *   (default: the text colour at 10%).
 * @cssprop [--vitrine-accent=currentColor] - Focus rings, hotspots and the add-to-cart button.
 * @cssprop [--vitrine-button-background=transparent] - Background of the gallery's buttons.
 * @cssprop [--vitrine-button-color=inherit] - Text and border colour of the gallery's buttons.
 * @cssprop [--vitrine-error-color=inherit] - Colour of error messages.
 */
export class VitrineGallery extends LitElement {
  static override styles = galleryStyles;

  static override properties = {
    gallery: { type: String },
    layout: { type: String },
    limit: { type: Number },
    product: { type: String },
    inStock: { type: Boolean, attribute: 'in-stock' },
    cart: { type: String },
    strings: { type: String },
    view: { state: true },
    edges: { state: true },
  };

  declare gallery: string;
  declare layout: string | undefined;
  declare limit: number | undefined;
  declare product: string | undefined;
  declare inStock: boolean;
  declare cart: string | undefined;
  declare strings: string | undefined;
  /** The words shown, in the gallery's language with the merchant's own over them (i18n/). */
  words: Strings = EN;
  private wordsLoading: Promise<Strings> = Promise.resolve(EN);
  declare private view: View;
  /** Whether the carousel shows its first and its last tile. */
  declare private edges: { start: boolean; end: boolean };

  /** Aborts the request in flight when a newer one makes its answer stale. */
  private request: AbortController | undefined;
  /**
   * Where the next pages come from: this gallery and product, or, when the API fell back (too
   * few posts show the product), the gallery it fell back to, without the product.
   */
  private paging: { galleryId: string; product: string | null } = { galleryId: '', product: null };
  /**
   * How many of the first tiles load their photo eagerly, with high priority: the first rows,
   * when the gallery starts inside the window as its first page arrives; none otherwise (the
   * browser then loads each as it nears the window, after the page's own content).
   */
  private eagerTiles = 0;
  /** Tiles of the server-rendered list in the light DOM, drawn while the first page loads. */
  private ssrTiles: SsrTile[] = [];
  private lightbox: Lightbox | undefined;
  private lightboxChunk: Promise<Lightbox> | undefined;
  /** The workspace of the gallery shown, from the API's answer: where its events go. */
  private workspaceId: string | undefined;
  private stopImpression: (() => void) | undefined;
  /** A `#vitrine=POST_ID` waiting for its post to be loaded, and the pages it may still load. */
  private deepLink: { postId: string; pages: number } | null = null;
  private readonly onHashChange = (): void => {
    this.readDeepLink();
    this.followDeepLink();
  };

  constructor() {
    super();
    this.gallery = '';
    this.inStock = false;
    this.view = { status: 'loading' };
    this.edges = { start: true, end: true };
  }

  /** The posts shown so far, in order. */
  get posts(): readonly PublicPost[] {
    return this.view.status === 'ready' ? this.view.posts : [];
  }

  /** The layout shown: the attribute, else the gallery's own, else a grid. */
  get effectiveLayout(): GalleryLayout {
    const chosen = this.layout ?? (this.view.status === 'ready' ? this.view.gallery.layout : 'grid');
    return (LAYOUTS.includes(chosen) ? chosen : 'grid') as GalleryLayout;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Alongside the first page's request; the page is shown once both have arrived.
    this.wordsLoading = stringsOf(languageOf(this));
    this.ssrTiles = readSsrTiles(this);
    addEventListener('hashchange', this.onHashChange);
    this.readDeepLink();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
    this.request?.abort();
    this.stopImpression?.();
    this.stopImpression = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout') && this.layout != null && !LAYOUTS.includes(this.layout)) {
      console.warn(`[vitrine] layout "${this.layout}" does not exist; use grid, masonry or carousel`);
    }
    if (!this.hasUpdated || changed.has('gallery') || changed.has('limit') || changed.has('product') || changed.has('inStock')) {
      // The server-rendered list tells the holdout before any request: then nothing is fetched.
      const ssr = this.hasUpdated ? null : readSsrTracking(this);
      if (ssr && this.holdsOut(ssr, this.gallery)) return;
      this.view = { status: 'loading' };
      void this.loadPage(null);
    }
  }

  protected override updated(): void {
    // After layout, and outside the update, since it may set `edges` (another update).
    if (this.effectiveLayout === 'carousel') requestAnimationFrame(this.measureCarousel);
    const view = this.view;
    if (this.tracker && !this.stopImpression && view.status === 'ready' && view.posts.length > 0) {
      const galleryId = view.gallery.id;
      this.stopImpression = watchImpression(this, {
        onImpression: () => {
          // The posts on show when the gallery came into view count an impression each.
          if (firstTime(`view:${galleryId}`)) this.track({ type: 'view_item_list', postIds: view.posts.slice(0, MAX_POSTS_PER_IMPRESSION).map((post) => post.id) });
        },
      });
    }
  }

  /**
   * Whether this visitor is in the workspace's holdout; if so the element shows nothing and
   * takes no room (`hidden`, which its styles enforce), and the exposure is sent instead.
   */
  private holdsOut(settings: GalleryPostsResponse['tracking'], galleryId: string): boolean {
    const tracking = this.tracker;
    if (!tracking) return false;
    this.workspaceId = settings.workspaceId;
    tracking.useWorkspace(settings.workspaceId, settings.consentDefault);
    // The holdout applies only to visitors with consent: without a stored id it cannot hold.
    const visitorId = tracking.visitorId();
    if (!visitorId || !isHoldout(settings.workspaceId, visitorId, settings.holdoutShare)) return false;
    this.view = { status: 'holdout' };
    this.hidden = true;
    if (firstTime(`holdout:${galleryId}`)) tracking.track({ type: 'vitrine_holdout', galleryId }, settings.workspaceId);
    return true;
  }

  /**
   * Sends a shopper's action on the gallery shown (the lightbox reports opens, product clicks
   * and adds to cart through this). `mirror` only feeds the optional dataLayer copy.
   */
  track(event: Omit<WidgetEvent, 'galleryId'>, mirror?: MirrorExtras): void {
    if (this.view.status === 'ready') this.tracker?.track({ ...event, galleryId: this.view.gallery.id }, this.workspaceId, mirror);
  }

  /** The page's tracker, except in a `preview` (the panel's): a merchant looking is no shopper. */
  private get tracker(): GalleryTracking | undefined {
    return this.hasAttribute('preview') ? undefined : tracking;
  }

  /**
   * The room the embed code reserves (its `slot="reserve"` block, see widget/README.md) and the
   * gallery share one grid cell, so the element is as tall as the taller of the two: the page
   * below never moves when the gallery arrives, nor when it is shorter than the room it was given.
   */
  protected override render(): TemplateResult {
    return html`<div class="frame"><slot name="reserve"></slot><div class="body">${this.renderView()}</div></div>`;
  }

  private renderView(): TemplateResult {
    const view = this.view;
    switch (view.status) {
      case 'holdout':
        return html``;
      case 'loading':
        if (this.ssrTiles.length === 0) return html`<div class="loading" part="loading" aria-busy="true"></div>`;
        return html`<ul class="tiles ${this.effectiveLayout}" part="grid loading" role="list" aria-busy="true">
          ${this.ssrTiles.map((tile) => this.renderTile(tile.id, tile, null))}
        </ul>`;
      case 'error':
        return html`<p class="error" part="error" role="alert">${view.message}</p>`;
      case 'ready':
        if (view.posts.length === 0) return html`<p class="empty" part="empty">${this.words.noPosts}</p>`;
        return html`
          ${this.effectiveLayout === 'carousel' ? this.renderCarousel(view.gallery, view.posts) : this.renderList(view.posts)}
          ${view.moreError ? html`<p class="error" part="error" role="alert">${view.moreError}</p>` : nothing}
          ${view.nextCursor === null || this.effectiveLayout === 'carousel'
            ? nothing
            : html`<button
                class="load-more"
                part="load-more"
                type="button"
                ?disabled=${view.loadingMore}
                aria-busy=${view.loadingMore ? 'true' : 'false'}
                @click=${this.loadMore}
              >
                ${this.words.loadMore}
              </button>`}
          ${this.lightbox ? this.lightbox.render() : nothing}
        `;
    }
  }

  private renderList(posts: readonly PublicPost[]): TemplateResult {
    // role="list" because Safari drops list semantics from a list styled without markers.
    return html`<ul
      id="tiles"
      class="tiles ${this.effectiveLayout}"
      part="grid"
      role="list"
      @pointerover=${this.prefetchLightbox}
      @focusin=${this.prefetchLightbox}
      @scroll=${this.measureCarousel}
    >
      ${posts.map((post, index) => this.renderTile(post.id, tileImage(post), post, index < this.eagerTiles))}
    </ul>`;
  }

  /**
   * A row that scrolls sideways: swiping and the trackpad scroll it natively (snapping to tiles),
   * the buttons scroll it by a screenful, smoothly unless the visitor prefers reduced motion.
   * It never moves by itself. At the end, "next" loads the next page when there is one.
   */
  private renderCarousel(gallery: PublicGallery, posts: readonly PublicPost[]): TemplateResult {
    const hasMore = this.view.status === 'ready' && this.view.nextCursor !== null;
    const atEnd = this.edges.end && !hasMore;
    return html`<div class="carousel" part="carousel" role="region" aria-roledescription="carousel" aria-label=${gallery.name}>
      <button
        class="carousel-button previous"
        part="carousel-button previous"
        type="button"
        aria-label=${this.words.previousPosts}
        aria-controls="tiles"
        aria-disabled=${this.edges.start ? 'true' : 'false'}
        @click=${() => this.scrollCarousel(-1)}
      >
        <span aria-hidden="true">‹</span>
      </button>
      ${this.renderList(posts)}
      <button
        class="carousel-button next"
        part="carousel-button next"
        type="button"
        aria-label=${this.words.nextPosts}
        aria-controls="tiles"
        aria-disabled=${atEnd ? 'true' : 'false'}
        @click=${() => this.scrollCarousel(1)}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>`;
  }

  /**
   * One tile; `post` is null for a server-rendered placeholder, which opens nothing yet. An
   * `eager` tile's photo loads at once and first (it is likely the page's largest paint).
   */
  private renderTile(id: string, image: TileImage | null, post: PublicPost | null, eager = false): TemplateResult {
    // A video Instagram gave no still for: a play mark (the lightbox shows its first frame).
    // `auto` holds for lazy images only: an eager one would fall back to 100vw, not the estimates.
    const img = image ? responsiveImg(image, { sizes: eager ? SIZES_ESTIMATE : SIZES, part: 'image', lazy: !eager }) : post?.media[0]?.videoUrl ? html`<span class="still" part="image"></span>` : nothing;
    if (!post) return html`<li part="tile" data-post-id=${id}><figure>${img}</figure></li>`;
    const username = post.author.username;
    // The API only sends https permalinks; checking again keeps a javascript: URL out of href.
    const permalink = post.permalink?.startsWith('https://') ? post.permalink : null;
    return html`
      <li part="tile" data-post-id=${id}>
        <figure>
          <button
            class="open"
            part="open"
            type="button"
            aria-haspopup="dialog"
            aria-label=${image ? nothing : username ? fill(this.words.openPostBy, { user: username }) : this.words.openPost}
            @click=${(event: Event) => void this.openPost(id, event.currentTarget as HTMLElement)}
          >
            ${img}
          </button>
          <figcaption part="caption">
            ${username === null
              ? nothing
              : permalink
                ? html`<a class="username" part="username" href=${permalink} target="_blank" rel="noopener noreferrer">@${username}</a>`
                : html`<span class="username" part="username">@${username}</span>`}
            ${post.caption ? html`<span class="text" part="text">${post.caption}</span>` : nothing}
          </figcaption>
        </figure>
      </li>
    `;
  }

  /** Opens a post in the lightbox, loading the lightbox's chunk on first use. */
  async openPost(postId: string, opener?: HTMLElement): Promise<void> {
    try {
      const lightbox = await this.loadLightbox();
      const index = this.posts.findIndex((post) => post.id === postId);
      if (index >= 0) lightbox.open(index, opener);
    } catch (error) {
      console.error('[vitrine] the lightbox could not be loaded', error);
    }
  }

  /** Loads the next page, if there is one (the carousel's "next" and deep links use it too). */
  loadMore(): void {
    if (this.view.status !== 'ready' || this.view.nextCursor === null || this.view.loadingMore) return;
    const cursor = this.view.nextCursor;
    this.view = { ...this.view, loadingMore: true, moreError: null };
    void this.loadPage(cursor);
  }

  private readonly prefetchLightbox = (): void => {
    this.loadLightbox().catch(() => {
      // Reported when the shopper actually opens a post.
    });
  };

  /** Imports the lightbox's chunk (with floating-ui) once; everything the first paint skipped. */
  private loadLightbox(): Promise<Lightbox> {
    // By its built path (vite.config.ts, chunkPaths), relative to this module's own URL.
    this.lightboxChunk ??= (import(/* @vite-ignore */ new URL(lightboxChunk, import.meta.url).href) as Promise<LightboxModule>).then(
      ({ Lightbox }) => {
        this.lightbox = new Lightbox(this);
        this.requestUpdate();
        return this.lightbox;
      },
      (error: unknown) => {
        this.lightboxChunk = undefined;
        throw error;
      },
    );
    return this.lightboxChunk;
  }

  private readDeepLink(): void {
    const match = DEEP_LINK.exec(location.hash);
    this.deepLink = match?.[1] ? { postId: match[1], pages: DEEP_LINK_PAGES } : null;
  }

  /** Opens the deep-linked post once it is loaded, loading a few more pages to find it. */
  private followDeepLink(): void {
    const link = this.deepLink;
    if (!link || this.view.status !== 'ready') return;
    if (this.posts.some((post) => post.id === link.postId)) {
      this.deepLink = null;
      void this.openPost(link.postId);
    } else if (this.view.nextCursor !== null && link.pages > 0) {
      link.pages -= 1;
      this.loadMore();
    } else {
      this.deepLink = null;
    }
  }

  private scrollCarousel(direction: 1 | -1): void {
    const track = this.renderRoot.querySelector<HTMLElement>('.carousel .tiles');
    if (!track) return;
    if (direction > 0 && this.edges.end) {
      this.loadMore();
      return;
    }
    // The CSS sets scroll-behavior: smooth unless the visitor prefers reduced motion. Right to
    // left, the track starts at scrollLeft 0 and goes on into negative values.
    const rtl = getComputedStyle(track).direction === 'rtl' ? -1 : 1;
    track.scrollBy({ left: direction * rtl * track.clientWidth });
  }

  private readonly measureCarousel = (): void => {
    const track = this.renderRoot.querySelector<HTMLElement>('.carousel .tiles');
    if (!track) return;
    const left = Math.abs(track.scrollLeft);
    const start = left <= 1;
    const end = left + track.clientWidth >= track.scrollWidth - 1;
    if (start !== this.edges.start || end !== this.edges.end) this.edges = { start, end };
  };

  /** Loads the first page (cursor null, replacing what is shown) or the next one (appending). */
  private async loadPage(cursor: string | null): Promise<void> {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    const words = this.wordsLoading;
    try {
      if (!this.gallery) throw new GalleryApiError('The gallery attribute is missing.', 'missing_gallery');
      if (cursor === null) this.paging = { galleryId: this.gallery, product: this.product || null };
      const page = await fetchGalleryPage({
        origin: apiOrigin,
        galleryId: this.paging.galleryId,
        limit: this.limit,
        cursor,
        product: this.paging.product,
        inStock: this.inStock,
        signal: request.signal,
      });
      this.words = withOverrides(await words, this.strings ?? null);
      if (request.signal.aborted) return;
      if (cursor === null && page.tracking && this.holdsOut(page.tracking, page.gallery.id)) return;
      if (page.product?.fallback) this.paging = { galleryId: page.gallery.id, product: null };
      if (cursor === null) this.eagerTiles = this.getBoundingClientRect().top < innerHeight ? EAGER_TILES : 0;
      const shown = cursor !== null && this.view.status === 'ready' ? this.view.posts : [];
      const posts = [...shown, ...page.posts];
      this.view = { status: 'ready', gallery: page.gallery, posts, nextCursor: page.nextCursor, loadingMore: false, moreError: null };
      this.emit('vitrine-load', { posts: posts.length, hasMore: page.nextCursor !== null });
      this.followDeepLink();
    } catch (error) {
      this.words = withOverrides(await words, this.strings ?? null);
      if (request.signal.aborted) return;
      const { code, message } =
        error instanceof GalleryApiError
          ? { code: error.code, message: error.status ? fill(this.words.notLoaded, { status: error.status }) : error.message }
          : { code: 'network_error', message: this.words.unreachable };
      this.view =
        cursor !== null && this.view.status === 'ready'
          ? { ...this.view, loadingMore: false, moreError: message }
          : { status: 'error', message };
      this.emit('vitrine-error', { code, message });
    }
  }

  private emit(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

/**
 * Registers <vitrine-gallery>, fetching from the API at `origin` (the loader passes its own)
 * and reporting to `tracker` (the loader's; without one, nothing is tracked).
 * A page can end up with two copies of the widget (two embed.js tags, two versions): the first
 * definition stays, as `customElements.define` would throw on the second.
 */
export function defineGallery(origin: string, tracker?: GalleryTracking): void {
  const existing = customElements.get(GALLERY_TAG);
  if (existing) {
    if (existing !== VitrineGallery) console.warn(`[vitrine] <${GALLERY_TAG}> is already defined by another copy of Vitrine; keeping it`);
    return;
  }
  apiOrigin = origin;
  tracking = tracker;
  customElements.define(GALLERY_TAG, VitrineGallery);
}

declare global {
  interface HTMLElementTagNameMap {
    [GALLERY_TAG]: VitrineGallery;
  }
}
