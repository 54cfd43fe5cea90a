import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PublicPost } from '../../shared/api-types.ts';
import { GalleryApiError, fetchGalleryPage } from './api.ts';
import { galleryStyles } from './gallery.styles.ts';
import { tileImage } from './tile-image.ts';

export const GALLERY_TAG = 'vitrine-gallery';

/**
 * How wide a tile is, for the browser to choose from `srcset`. Chromium measures the laid-out
 * image itself (`auto`, lazy images only); other browsers take the first matching estimate,
 * which assumes the gallery spans the viewport and uses the default column counts of
 * gallery.styles.ts, so it errs towards sharper images, never blurrier ones.
 */
const SIZES = 'auto, (min-width: 768px) 25vw, (min-width: 480px) 34vw, 50vw';

type View =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      posts: PublicPost[];
      nextCursor: string | null;
      loadingMore: boolean;
      /** Why the last "load more" failed; the posts already shown stay. */
      moreError: string | null;
    };

/** Set once by `defineGallery`, before any element can upgrade. */
let apiOrigin = '';

/**
 * A gallery of a merchant's approved, rights-cleared customer posts.
 *
 * Before the script loads, the element is unknown to the browser and takes no room; to keep the
 * page from shifting, reserve the room in the page's CSS:
 * `vitrine-gallery:not(:defined) { display: block; min-height: 20rem }`.
 *
 * Styles are adopted constructable stylesheets, which a Content-Security-Policy `style-src`
 * does not block; in browsers without them, Lit writes a <style> element carrying
 * `window.litNonce` when the page sets it. Under Trusted Types, allow the `lit-html` policy.
 *
 * @attr gallery - Required: the id of the gallery to show.
 * @attr layout - `grid` (the default and, for now, the only layout; other values show a grid
 *   and warn in the console).
 * @attr limit - How many posts a page holds; the API's default when absent.
 *
 * @fires vitrine-load - A page of posts was shown. `detail: { posts: number, hasMore: boolean }`
 *   counts every post shown so far.
 * @fires vitrine-error - A page could not be loaded. `detail: { code: string, message: string }`.
 *
 * @csspart loading - The box that holds the gallery's place while the first page loads.
 * @csspart error - The message shown when a page could not be loaded.
 * @csspart empty - The message shown when the gallery has no posts.
 * @csspart grid - The list of tiles.
 * @csspart tile - One post (carries `data-post-id`).
 * @csspart image - A post's photo.
 * @csspart caption - The caption block under a photo.
 * @csspart username - The author's @username, a link to the original post when there is one.
 * @csspart text - The caption's text.
 * @csspart load-more - The button that loads the next page.
 *
 * @cssprop [--vitrine-columns] - Number of columns (default: 2, 3 from 480px wide, 4 from 768px).
 * @cssprop [--vitrine-gap=0.5rem] - Space between tiles.
 * @cssprop [--vitrine-radius=0.5rem] - Corner radius of photos and the button.
 * @cssprop [--vitrine-tile-aspect-ratio=1] - Shape of the photos; `auto` keeps each one's own.
 * @cssprop [--vitrine-caption-lines=3] - Lines of caption shown before it is cut.
 * @cssprop [--vitrine-min-height=20rem] - Room held while the first page loads.
 * @cssprop [--vitrine-font=inherit] - Font family.
 * @cssprop [--vitrine-color=inherit] - Text colour.
 * @cssprop [--vitrine-muted-color] - Colour of usernames (default: the text colour at 72%).
 * @cssprop [--vitrine-surface] - Background of photos not yet loaded and of the loading box
 *   (default: the text colour at 10%).
 * @cssprop [--vitrine-button-background=transparent] - Background of the load-more button.
 * @cssprop [--vitrine-button-color=inherit] - Text and border colour of the load-more button.
 * @cssprop [--vitrine-error-color=inherit] - Colour of error messages.
 */
export class VitrineGallery extends LitElement {
  static override styles = galleryStyles;

  static override properties = {
    gallery: { type: String },
    layout: { type: String },
    limit: { type: Number },
    view: { state: true },
  };

  declare gallery: string;
  declare layout: string;
  declare limit: number | undefined;
  declare private view: View;

  /** Aborts the request in flight when a newer one makes its answer stale. */
  private request: AbortController | undefined;

  constructor() {
    super();
    this.gallery = '';
    this.layout = 'grid';
    this.view = { status: 'loading' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout') && this.layout !== 'grid') {
      console.warn(`[vitrine] layout "${this.layout}" is not available yet; showing a grid`);
    }
    if (!this.hasUpdated || changed.has('gallery') || changed.has('limit')) {
      this.view = { status: 'loading' };
      void this.loadPage(null);
    }
  }

  protected override render(): TemplateResult {
    const view = this.view;
    switch (view.status) {
      case 'loading':
        return html`<div class="loading" part="loading" aria-busy="true"></div>`;
      case 'error':
        return html`<p class="error" part="error" role="alert">${view.message}</p>`;
      case 'ready':
        if (view.posts.length === 0) return html`<p class="empty" part="empty">No posts to show yet.</p>`;
        // role="list" because Safari drops list semantics from a list styled without markers.
        return html`
          <ul class="grid" part="grid" role="list">
            ${view.posts.map((post) => this.renderTile(post))}
          </ul>
          ${view.moreError ? html`<p class="error" part="error" role="alert">${view.moreError}</p>` : nothing}
          ${view.nextCursor === null
            ? nothing
            : html`<button
                class="load-more"
                part="load-more"
                type="button"
                ?disabled=${view.loadingMore}
                aria-busy=${view.loadingMore ? 'true' : 'false'}
                @click=${this.loadMore}
              >
                Load more
              </button>`}
        `;
    }
  }

  private renderTile(post: PublicPost): TemplateResult {
    const image = tileImage(post);
    const username = post.author.username;
    // The API only sends https permalinks; checking again keeps a javascript: URL out of href.
    const permalink = post.permalink?.startsWith('https://') ? post.permalink : null;
    return html`
      <li part="tile" data-post-id=${post.id}>
        <figure>
          ${image
            ? html`<img
                part="image"
                src=${image.src}
                srcset=${image.srcset}
                sizes=${SIZES}
                width=${image.width}
                height=${image.height}
                alt=${image.alt}
                loading="lazy"
                decoding="async"
              />`
            : nothing}
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

  private loadMore(): void {
    if (this.view.status !== 'ready' || this.view.nextCursor === null) return;
    const cursor = this.view.nextCursor;
    this.view = { ...this.view, loadingMore: true, moreError: null };
    void this.loadPage(cursor);
  }

  /** Loads the first page (cursor null, replacing what is shown) or the next one (appending). */
  private async loadPage(cursor: string | null): Promise<void> {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    try {
      if (!this.gallery) throw new GalleryApiError('The gallery attribute is missing.', 'missing_gallery');
      const page = await fetchGalleryPage({
        origin: apiOrigin,
        galleryId: this.gallery,
        limit: this.limit,
        cursor,
        signal: request.signal,
      });
      if (request.signal.aborted) return;
      const shown = cursor !== null && this.view.status === 'ready' ? this.view.posts : [];
      const posts = [...shown, ...page.posts];
      this.view = { status: 'ready', posts, nextCursor: page.nextCursor, loadingMore: false, moreError: null };
      this.emit('vitrine-load', { posts: posts.length, hasMore: page.nextCursor !== null });
    } catch (error) {
      if (request.signal.aborted) return;
      const { code, message } =
        error instanceof GalleryApiError
          ? error
          : { code: 'network_error', message: 'The gallery could not be reached. Please try again later.' };
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
 * Registers <vitrine-gallery>, fetching from the API at `origin` (the loader passes its own).
 * A page can end up with two copies of the widget (two embed.js tags, two versions): the first
 * definition stays, as `customElements.define` would throw on the second.
 */
export function defineGallery(origin: string): void {
  const existing = customElements.get(GALLERY_TAG);
  if (existing) {
    if (existing !== VitrineGallery) console.warn(`[vitrine] <${GALLERY_TAG}> is already defined by another copy of Vitrine; keeping it`);
    return;
  }
  apiOrigin = origin;
  customElements.define(GALLERY_TAG, VitrineGallery);
}

declare global {
  interface HTMLElementTagNameMap {
    [GALLERY_TAG]: VitrineGallery;
  }
}
