import { expect } from '@open-wc/testing';
import type { PublicProduct } from '../../shared/api-types.ts';
import { EN } from '../i18n/strings.ts';
import { afterEach, describe, it } from '../testing/mocha.ts';
import { addToCart, type AddToCartDetail } from './add-to-cart.ts';

/**
 * The store carts, against stand-ins for the stores' own APIs (no WooCommerce or Shopify here),
 * answering in the documented shapes: WooCommerce's Store API lists products as an array, names
 * variations only with `type=variation`, and hands its `Nonce` in a header.
 */
interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

const realFetch = window.fetch;
afterEach(() => {
  window.fetch = realFetch;
  document.querySelector('link[rel="https://api.w.org/"]')?.remove();
});

function store(answer: (seen: Seen) => Response): Seen[] {
  const seen: Seen[] = [];
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    const entry = { method: request.method, url: new URL(request.url), headers: request.headers, body: request.method === 'POST' ? await request.json() : null };
    seen.push(entry);
    return answer(entry);
  };
  return seen;
}

const json = (body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ...headers } });

const product = (sku: string): PublicProduct => ({ id: 'prd_1', sku, title: 'Arc Table Lamp', link: 'https://shop.example/product/arc-lamp/' }) as PublicProduct;

async function add(sku: string, cart: string): Promise<{ said: string | null; added: boolean[]; host: HTMLElement }> {
  const host = document.createElement('div');
  document.body.append(host);
  const added: boolean[] = [];
  const detail: AddToCartDetail = { product: product(sku), postId: 'post_1', galleryId: 'gal_1', quantity: 2, confirm: () => {} };
  try {
    return { said: await addToCart(host, detail, cart, EN, (a) => added.push(a)), added, host };
  } finally {
    host.remove();
  }
}

describe('cart="woocommerce"', () => {
  it('finds the product by SKU, then adds it with the Store API nonce in the shopper’s session', async () => {
    const seen = store(({ method, url }) =>
      method === 'GET' && url.pathname === '/wp-json/wc/store/v1/products' && url.searchParams.get('sku') === 'LUM-LAMP-01' && !url.searchParams.has('type')
        ? json([{ id: 118, sku: 'LUM-LAMP-01' }], { Nonce: 'n-123' })
        : json({ items_count: 2 }),
    );
    const { said, added } = await add('LUM-LAMP-01', 'woocommerce');
    expect(said).to.equal('Arc Table Lamp was added to your cart.');
    expect(added).to.deep.equal([true]);
    expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).to.deep.equal(['GET /wp-json/wc/store/v1/products', 'POST /wp-json/wc/store/v1/cart/add-item']);
    expect(seen[1]!.headers.get('Nonce')).to.equal('n-123');
    expect(seen[1]!.body).to.deep.equal({ id: 118, quantity: 2 });
  });

  it('looks among variations when no product has the SKU, and uses the REST root the page announces', async () => {
    document.head.insertAdjacentHTML('beforeend', `<link rel="https://api.w.org/" href="${location.origin}/shop/wp-json/">`);
    const seen = store(({ url }) => {
      if (url.pathname.endsWith('/products')) return json(url.searchParams.get('type') === 'variation' ? [{ id: 205, sku: 'LUM-LAMP-01-BRASS' }] : [], { Nonce: 'n-9' });
      return json({});
    });
    await add('LUM-LAMP-01-BRASS', 'woocommerce');
    expect(seen.map((s) => s.url.pathname)).to.deep.equal(['/shop/wp-json/wc/store/v1/products', '/shop/wp-json/wc/store/v1/products', '/shop/wp-json/wc/store/v1/cart/add-item']);
    expect(seen[2]!.body).to.deep.equal({ id: 205, quantity: 2 });
  });

  it('takes a number no SKU matches as the product id (feeds that name products by id)', async () => {
    const seen = store(({ url }) => (url.pathname.endsWith('/products') ? json([]) : json({})));
    await add('4711', 'woocommerce');
    expect(seen.at(-1)!.body).to.deep.equal({ id: 4711, quantity: 2 });
  });

  it('tells the shopper when the store refuses, and counts no add to cart', async () => {
    store(({ url }) => (url.pathname.endsWith('/products') ? json([{ id: 118 }]) : new Response('{"code":"woocommerce_rest_product_out_of_stock"}', { status: 400 })));
    const { said, added } = await add('LUM-LAMP-01', 'woocommerce');
    expect(said).to.equal('Arc Table Lamp could not be added to your cart.');
    expect(added).to.deep.equal([]);
  });

  it('says so when nothing has the SKU, without posting to the cart', async () => {
    const seen = store(() => json([]));
    const { said } = await add('NO-SUCH-SKU', 'woocommerce');
    expect(said).to.equal('Arc Table Lamp could not be added to your cart.');
    expect(seen.every((s) => s.method === 'GET')).to.equal(true);
  });
});

describe('the cart attribute', () => {
  it('names only the carts there are: an inherited property name is no cart', async () => {
    const seen = store(() => json({}));
    const host = document.createElement('div');
    document.body.append(host);
    const added: boolean[] = [];
    // Without a link, the product page fallback has nowhere to send the shopper, so the test page stays.
    const detail: AddToCartDetail = { product: { ...product('X'), link: '' }, postId: 'p', galleryId: 'g', quantity: 1, confirm: () => {} };
    expect(await addToCart(host, detail, 'toString', EN, (a) => added.push(a))).to.equal(null);
    host.remove();
    expect(added).to.deep.equal([false]);
    expect(seen).to.deep.equal([]);
  });
});
