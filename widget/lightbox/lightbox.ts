/**
 * The lightbox: one post at a time, in a modal <dialog>, with its carousel children or video,
 * its caption, the author's credit and its tagged products as hotspots. It is a separate chunk,
 * with floating-ui, that the gallery imports on the shopper's first interaction; its styles are
 * adopted into the gallery's shadow root then.
 *
 * Keyboard: focus moves into the dialog and stays there (Tab wraps), Esc closes an open product
 * card and then the lightbox (focus goes back to the post's tile), ← and → move between posts.
 * The open post is in the page's URL as `#vitrine=POST_ID`, so the link reopens it.
 *
 * Only CSSOM writes set positions (`element.style`), never a `style` attribute, so a strict
 * Content-Security-Policy without 'unsafe-inline' styles lets it work.
 */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { adoptStyles, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PublicMedia, PublicPost, PublicProduct } from '../../shared/api-types.ts';
import { addToCart } from '../cart/add-to-cart.ts';
import { fill, type Strings } from '../i18n/strings.ts';
import { responsiveImg } from '../gallery/responsive-img.ts';
import { mediaImage } from '../gallery/tile-image.ts';
import type { MirrorExtras, WidgetEvent } from '../tracking/types.ts';
import { lightboxStyles } from './lightbox.styles.ts';
import { productCard, productLabel, productMirror, safeLink } from './product-card.ts';

/** What the lightbox needs from the element that shows it (the gallery). */
export interface LightboxHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly posts: readonly PublicPost[];
  readonly gallery: string;
  readonly cart: string | undefined;
  /** The gallery's words, in its language (i18n/). */
  readonly words: Strings;
  /** Reports a shopper's action: a post opened, a product clicked or added to the cart. */
  track(event: Omit<WidgetEvent, 'galleryId'>, mirror?: MirrorExtras): void;
}

/** The lightbox photo spans the viewport on phones and about 60% of it beside the details. */
const SIZES = '(min-width: 768px) 60vw, 100vw';
const FOCUSABLE = 'a[href], button:not([disabled]), video[controls], [tabindex]:not([tabindex="-1"])';

/**
 * @csspart lightbox - The dialog.
 * @csspart close - Its close button.
 * @csspart post-button - The previous and next post buttons (also `previous-post`/`next-post`).
 * @csspart stage - The media and its hotspots.
 * @csspart media - The photo or the video.
 * @csspart media-button - The previous and next photo buttons of a carousel post.
 * @csspart media-count - "2 / 3" for a carousel post.
 * @csspart hotspot - A product's dot on the photo.
 * @csspart hotspot-card - The card a hotspot opens (it holds a `product`).
 * @csspart details - The column with the credit, the caption and the products.
 * @csspart title - "Photo by @username".
 * @csspart permalink - The link to the original post.
 * @csspart lightbox-caption - The caption.
 * @csspart products - The list of the post's products.
 * @csspart product - A product card; its parts: `product-image`, `product-title`,
 *   `product-price`, `product-availability`, `shop`, `add-to-cart`.
 * @csspart status - What the cart said ("… was added to your cart.").
 *
 * @cssprop [--vitrine-lightbox-background=Canvas] - The dialog's background (the page's
 *   `color-scheme` decides light or dark).
 * @cssprop [--vitrine-lightbox-color=CanvasText] - The dialog's text colour.
 * @cssprop [--vitrine-backdrop=rgb(0 0 0 / 0.75)] - What covers the page behind the dialog.
 * @cssprop [--vitrine-accent=currentColor] - Hotspots and the add-to-cart button.
 * @cssprop [--vitrine-accent-contrast=Canvas] - Text on the accent colour.
 */
export class Lightbox implements ReactiveController {
  private readonly host: LightboxHost;
  /** The open post's index in `host.posts`; -1 when closed. */
  private index = -1;
  /** Which of the post's media is shown (carousel children). */
  private mediaIndex = 0;
  /** The product whose hotspot card is open. */
  private card: string | null = null;
  private status = '';
  private stopPlacing: (() => void) | undefined;
  private placedCard: string | null = null;
  /** The tile's button to give focus back to; the open post's tile when it moved. */
  private returnFocusTo: HTMLElement | undefined;

  constructor(host: LightboxHost) {
    this.host = host;
    host.addController(this);
    const root = host.renderRoot;
    if (root instanceof ShadowRoot) {
      const sheet = lightboxStyles.styleSheet;
      // Without constructable stylesheets, Lit appends a <style> carrying `window.litNonce`.
      if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      else adoptStyles(root, [lightboxStyles]);
    }
  }

  get isOpen(): boolean {
    return this.index >= 0;
  }

  open(index: number, opener?: HTMLElement): void {
    if (!this.host.posts[index]) return;
    this.returnFocusTo = opener;
    this.show(index);
  }

  close(): void {
    if (!this.isOpen) return;
    const post = this.host.posts[this.index];
    this.index = -1;
    this.dialog()?.close();
    this.clearCard();
    this.status = '';
    history.replaceState(history.state, '', location.pathname + location.search);
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const tile = post && this.host.renderRoot.querySelector<HTMLElement>(`[data-post-id="${CSS.escape(post.id)}"] .open`);
      (tile ?? this.returnFocusTo)?.focus();
      this.returnFocusTo = undefined;
    });
  }

  hostUpdated(): void {
    const dialog = this.dialog();
    if (!dialog) return;
    // Positions and ratios through the CSSOM (a strict CSP blocks style attributes).
    for (const spot of Array.from(dialog.querySelectorAll<HTMLElement>('[data-x]'))) {
      spot.style.left = `${Number(spot.dataset.x) * 100}%`;
      spot.style.top = `${Number(spot.dataset.y) * 100}%`;
    }
    for (const frame of Array.from(dialog.querySelectorAll<HTMLElement>('[data-ratio]'))) {
      frame.style.setProperty('--_ratio', frame.dataset.ratio ?? '1');
    }
    if (!dialog.open) dialog.showModal();
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    if (!active || !dialog.contains(active)) dialog.querySelector<HTMLElement>('.close')?.focus();
    this.placeCard(dialog);
  }

  hostDisconnected(): void {
    this.stopPlacing?.();
  }

  render(): TemplateResult | typeof nothing {
    const post = this.host.posts[this.index];
    if (!post) return nothing;
    const media = post.media[this.mediaIndex] ?? post.media[0];
    const author = post.author.username;
    const permalink = post.permalink?.startsWith('https://') ? post.permalink : null;
    const last = this.host.posts.length - 1;
    return html`<dialog
      class="lightbox"
      part="lightbox"
      aria-labelledby="lightbox-title"
      @keydown=${this.onKeydown}
      @cancel=${this.onCancel}
      @close=${this.onClose}
      @click=${this.onDialogClick}
    >
      <button class="close" part="close" type="button" aria-label=${this.host.words.close} @click=${() => this.close()}>
        <span aria-hidden="true">×</span>
      </button>
      <button
        class="post-button previous-post"
        part="post-button previous-post"
        type="button"
        aria-label=${this.host.words.previousPost}
        aria-disabled=${this.index === 0 ? 'true' : 'false'}
        @click=${() => this.go(-1)}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <button
        class="post-button next-post"
        part="post-button next-post"
        type="button"
        aria-label=${this.host.words.nextPost}
        aria-disabled=${this.index === last ? 'true' : 'false'}
        @click=${() => this.go(1)}
      >
        <span aria-hidden="true">›</span>
      </button>
      <div class="body">
        <div class="stage" part="stage">
          ${media ? this.renderMedia(post, media) : nothing}
          ${post.media.length > 1
            ? html`<div class="media-nav">
                <button class="media-button" part="media-button" type="button" aria-label=${this.host.words.previousPhoto} ?disabled=${this.mediaIndex === 0} @click=${() => this.showMedia(-1)}>
                  <span aria-hidden="true">‹</span>
                </button>
                <span part="media-count">${this.mediaIndex + 1} / ${post.media.length}</span>
                <button class="media-button" part="media-button" type="button" aria-label=${this.host.words.nextPhoto} ?disabled=${this.mediaIndex === post.media.length - 1} @click=${() => this.showMedia(1)}>
                  <span aria-hidden="true">›</span>
                </button>
              </div>`
            : nothing}
        </div>
        <div class="details" part="details">
          <h2 id="lightbox-title" class="title" part="title">${author ? fill(this.host.words.photoBy, { user: author }) : this.host.words.customerPhoto}</h2>
          ${permalink
            ? html`<a class="permalink" part="permalink" href=${permalink} target="_blank" rel="noopener noreferrer">${this.host.words.viewOriginal}</a>`
            : nothing}
          ${post.caption ? html`<p class="caption" part="lightbox-caption">${post.caption}</p>` : nothing}
          ${post.products.length > 0
            ? html`<h3 class="products-title">${this.host.words.shopThisLook}</h3>
                <ul class="products" part="products" role="list">
                  ${post.products.map((product) => html`<li>${productCard(product, this.host.words, this.add, this.shop)}</li>`)}
                </ul>`
            : nothing}
          <p class="status" part="status" role="status">${this.status}</p>
        </div>
      </div>
    </dialog>`;
  }

  private renderMedia(post: PublicPost, media: PublicMedia): TemplateResult {
    const image = mediaImage(post, media);
    const first = post.media[0]?.id;
    const hotspots = post.hotspots.filter((spot) => (spot.mediaId ?? first) === media.id);
    const video = media.type === 'video' ? safeLink(media.videoUrl) : null;
    return html`<div class="frame" data-ratio=${media.width / media.height || 1}>
      ${video
        ? // Never autoplays: the shopper starts it. Only its still frame loads until then, or,
          // when Instagram gave no still, the start of the file for the browser to show its first frame.
          html`<video class="media" part="media" src=${video} poster=${image?.src ?? nothing} width=${media.width} height=${media.height} controls playsinline preload=${image ? 'none' : 'metadata'} aria-label=${image?.alt ?? this.host.words.video}></video>`
        : image
          ? responsiveImg(image, { sizes: SIZES, part: 'media', className: 'media', lazy: false })
          : nothing}
      ${hotspots.map((spot) => {
        const product = post.products.find((p) => p.id === spot.productId);
        if (!product) return nothing;
        const open = this.card === product.id;
        return html`<button
            class="hotspot"
            part="hotspot"
            type="button"
            data-x=${clamp(spot.x)}
            data-y=${clamp(spot.y)}
            data-product-id=${product.id}
            aria-label=${productLabel(product)}
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${open ? 'hotspot-card' : nothing}
            @click=${() => this.toggleCard(product.id)}
          ></button>
          ${open
            ? html`<div id="hotspot-card" class="hotspot-card" part="hotspot-card" role="group" aria-label=${product.title}>
                ${productCard(product, this.host.words, this.add, this.shop)}
              </div>`
            : nothing}`;
      })}
    </div>`;
  }

  private show(index: number): void {
    const post = this.host.posts[index];
    if (!post) return;
    this.index = index;
    this.mediaIndex = 0;
    this.clearCard();
    this.status = '';
    history.replaceState(history.state, '', `#vitrine=${encodeURIComponent(post.id)}`);
    this.host.requestUpdate();
    this.host.track({ type: 'select_content', postId: post.id });
  }

  private go(delta: 1 | -1): void {
    if (this.host.posts[this.index + delta]) this.show(this.index + delta);
  }

  private showMedia(delta: 1 | -1): void {
    const post = this.host.posts[this.index];
    if (!post?.media[this.mediaIndex + delta]) return;
    this.mediaIndex += delta;
    this.clearCard();
    this.host.requestUpdate();
  }

  private toggleCard(productId: string): void {
    this.card = this.card === productId ? null : productId;
    this.host.requestUpdate();
    const product = this.host.posts[this.index]?.products.find((p) => p.id === this.card);
    if (product) this.productClicked(product);
  }

  /** A hotspot's card opened or a Shop link followed: GA4's select_item. */
  private productClicked(product: PublicProduct): void {
    const post = this.host.posts[this.index];
    if (post) this.host.track({ type: 'select_item', postId: post.id, productId: product.id }, productMirror(product));
  }

  private readonly shop = (product: PublicProduct): void => this.productClicked(product);

  private clearCard(): void {
    this.card = null;
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    this.placedCard = null;
  }

  /** Keeps the open card beside its hotspot and on screen (it flips and shifts at the edges). */
  private placeCard(dialog: HTMLDialogElement): void {
    if (this.card === this.placedCard) return;
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    this.placedCard = this.card;
    const card = dialog.querySelector<HTMLElement>('.hotspot-card');
    const spot = dialog.querySelector<HTMLElement>('.hotspot[aria-expanded="true"]');
    if (!card || !spot) return;
    this.stopPlacing = autoUpdate(spot, card, () => {
      void computePosition(spot, card, {
        strategy: 'fixed',
        placement: 'top',
        middleware: [offset(12), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
      });
    });
  }

  private readonly add = (product: PublicProduct): void => {
    const post = this.host.posts[this.index];
    if (!post) return;
    const say = (message: string | null) => {
      if (message === null || !this.isOpen) return;
      // Reset first, so that the same sentence twice is announced twice.
      this.status = '';
      this.host.requestUpdate();
      void this.host.updateComplete.then(() => {
        this.status = message;
        this.host.requestUpdate();
      });
    };
    const detail = {
      product,
      postId: post.id,
      galleryId: this.host.gallery,
      quantity: 1,
      confirm: (message?: string) => say(typeof message === 'string' ? message : fill(this.host.words.added, { title: product.title })),
    };
    // In a cart (the page's own, which cancelled the event, or the adapter's): add_to_cart; sent
    // to the product page instead, the shopper only clicked the product.
    const tracked = (added: boolean) =>
      added
        ? this.host.track({ type: 'add_to_cart', postId: post.id, productId: product.id }, productMirror(product))
        : this.productClicked(product);
    void addToCart(this.host, detail, this.host.cart ?? null, this.host.words, tracked).then(say);
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0];
    if (event.key === 'Escape') {
      // Handled here rather than by the dialog's own cancel, so that Esc closes a card first.
      event.preventDefault();
      if (this.card) {
        const spot = this.dialog()?.querySelector<HTMLElement>('.hotspot[aria-expanded="true"]');
        this.clearCard();
        this.host.requestUpdate();
        spot?.focus();
      } else {
        this.close();
      }
    } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !(target instanceof HTMLVideoElement)) {
      event.preventDefault();
      // The arrow that points to the end of the reading direction goes forward: left, right to left.
      const ahead = (event.key === 'ArrowRight') === (getComputedStyle(this.host).direction !== 'rtl');
      this.go(ahead ? 1 : -1);
    } else if (event.key === 'Tab') {
      this.trapFocus(event);
    }
  };

  /** A modal dialog already makes the page inert; wrapping Tab keeps focus off the browser's UI too. */
  private trapFocus(event: KeyboardEvent): void {
    const dialog = this.dialog();
    if (!dialog) return;
    const focusable = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length > 0);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    if (!first || !last) return;
    if (event.shiftKey ? active === first : active === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  }

  private readonly onCancel = (event: Event): void => {
    event.preventDefault();
    this.close();
  };

  /** The dialog closed some other way (a browser's own close request): keep the state in step. */
  private readonly onClose = (): void => {
    if (this.isOpen) this.close();
  };

  /** A click on the backdrop lands on the dialog itself: it closes, like Esc. */
  private readonly onDialogClick = (event: MouseEvent): void => {
    if (event.target === event.currentTarget) this.close();
  };

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog.lightbox');
  }
}

const clamp = (fraction: number) => Math.min(1, Math.max(0, fraction));
