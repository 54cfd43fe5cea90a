import { expect, waitUntil } from '@open-wc/testing';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import type { EventBatch } from '../../../shared/schemas/events.ts';
import { api } from '../../api.ts';
import { now } from '../../clock.ts';
import { $router } from '../../stores/router.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { lastDays, reportQuery } from './report-filters.ts';
import { money } from '../../components/money.ts';
import { ReportsPage } from './reports.tsx';

/**
 * The Reports page against the real reports API (the fixture app). The test first acts as a
 * shopper through the real `POST /v1/events`: it opens a post, clicks and adds one of its
 * products and buys it. Other test files share the database (the widget's tests send their own
 * events), so exact figures are asserted only for this shopper's post and product, which no
 * other test buys.
 */
const random = () => Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36)).join('');
const url = (search: Record<string, string>) => `/panel/reports?${new URLSearchParams(search)}`;
const search = () => Object.fromEntries(new URLSearchParams(location.search));

async function send(batch: Omit<EventBatch, 'v'>): Promise<void> {
  const response = await fetch('/v1/events', { method: 'POST', body: JSON.stringify({ v: 1, ...batch }), headers: { 'Content-Type': 'text/plain;charset=UTF-8' } });
  expect(response.status, await response.clone().text()).to.equal(204);
}

describe('the Reports page', () => {
  let host: HTMLElement;
  let postId: string;
  let productId: string;
  let priceMinor: number;
  let range: ReturnType<typeof lastDays>;
  before(async () => {
    range = lastDays(30, now());
    await signIn();
    const gallery = (await (await fetch('/v1/galleries/demo/posts?limit=100')).json()) as GalleryPostsResponse;
    const post = [...gallery.posts].reverse().find((p) => p.products.some((product) => product.price?.currency === 'EUR'))!;
    const product = post.products.find((p) => p.price?.currency === 'EUR')!;
    [postId, productId, priceMinor] = [post.id, product.id, product.price!.amount];
    const shopper = { workspaceId: gallery.tracking.workspaceId, visitorId: `v_${random()}`, sessionId: `s_${random()}`, consent: 'granted' as const };
    const at = now();
    const touch = { galleryId: gallery.gallery.id, postId };
    await send({
      ...shopper,
      events: [
        { id: `e_${random()}`, type: 'select_content', at, ...touch },
        { id: `e_${random()}`, type: 'select_item', at: at + 1, ...touch, productId },
        { id: `e_${random()}`, type: 'add_to_cart', at: at + 2, ...touch, productId },
      ],
    });
    const transaction = { transaction_id: `T-${random()}`, value: priceMinor / 100, currency: 'EUR', items: [{ item_id: product.sku, price: priceMinor / 100, quantity: 1 }] };
    await send({ ...shopper, events: [{ id: `e_${random()}`, type: 'purchase', at: at + 3, transaction }] });

    $router.open(url({ ...range, top: 'post' }));
    host = mount(<ReportsPage />, { height: 2400 });
    await waitUntil(() => host.querySelector('[data-metric="attributed"]'), 'the overview did not load', { timeout: 5000 });
  });
  after(() => {
    if (host) unmount(host);
    $router.open('/panel/', true);
  });

  it("shows the API's totals and the holdout in a sentence", async () => {
    const overview = await api.reportOverview(reportQuery({ ...range, galleryId: '', top: 'post' }));
    expect(overview.totals.attributedRevenueMinor).to.be.at.least(priceMinor);
    const value = (metric: string) => host.querySelector(`[data-metric="${metric}"] .metric-value`)?.textContent;
    await waitUntil(() => value('attributed') === money(overview.totals.attributedRevenueMinor, overview.currency), 'attributed revenue');
    expect(value('orders')).to.equal(String(overview.totals.orders));
    expect(value('add-to-cart')).to.equal(String(overview.totals.addToCarts));
    // This shopper's purchase came from the browser only: it shows apart from the confirmed revenue.
    expect(overview.provenance.browserReportedRevenueMinor).to.be.at.least(priceMinor);
    expect(value('provenance')).to.equal(money(overview.provenance.confirmedRevenueMinor, overview.currency));
    expect(host.querySelector('[data-metric="provenance"] .metric-detail')?.textContent).to.contain(money(overview.provenance.browserReportedRevenueMinor, overview.currency));
    expect(host.querySelector('[data-holdout]')?.textContent).to.contain('No holdout is running');
    expect(host.querySelectorAll('.charts figure.chart svg[role="img"]')).to.have.length(3);
    expect([...host.querySelectorAll('[data-step]')].map((step) => step.getAttribute('data-step'))).to.deep.equal(['impressions', 'opens', 'product_clicks', 'add_to_carts', 'orders']);
  });

  it('lists the post and the product that sold, by attributed revenue, switching list in the URL', async () => {
    const revenueOf = (dimension: string, id: string) => {
      const row = host.querySelector(`.top-${dimension} [data-id="${id}"]`)?.closest('tr');
      return row?.querySelectorAll('td')[1]?.textContent;
    };
    await waitUntil(() => revenueOf('post', postId) === money(priceMinor, 'EUR'), `the post ${postId} is not listed with ${money(priceMinor, 'EUR')}`);
    host.querySelector<HTMLButtonElement>('.reports .tabs button:nth-child(2)')!.click();
    await waitUntil(() => search().top === 'product', 'the list is not in the URL');
    await waitUntil(() => revenueOf('product', productId) === money(priceMinor, 'EUR'), `the product ${productId} is not listed`);
  });

  it('keeps the range and the gallery in the URL, and exports what it shows', async () => {
    [...host.querySelectorAll<HTMLButtonElement>('.presets button')].find((b) => b.textContent === '7 days')!.click();
    await waitUntil(() => search().from === lastDays(7, now()).from, 'the preset did not change the URL');
    await waitUntil(() => host.querySelector('.presets button[aria-pressed="true"]')?.textContent === '7 days');
    const select = host.querySelector<HTMLSelectElement>('select[name="galleryId"]')!;
    await waitUntil(() => select.options.length > 1, 'the galleries did not load');
    select.value = 'demo';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => search().galleryId === 'demo', 'the gallery is not in the URL');
    const link = () => [...host.querySelectorAll<HTMLAnchorElement>('.exports a')].find((a) => a.textContent === 'by post')!;
    await waitUntil(() => link().href.includes('galleryId=demo'), 'the export does not follow the filters');
    const href = new URL(link().href);
    expect(Object.fromEntries(href.searchParams)).to.deep.equal({ ...lastDays(7, now()), galleryId: 'demo', dimension: 'post' });
    const csv = await fetch(href);
    expect(csv.status).to.equal(200);
    expect(csv.headers.get('content-type')).to.match(/^text\/csv/);
    expect(await csv.text()).to.contain(postId);
    // Trends cover the workspace: the real API (which refuses a gallery) answers them all the same.
    await waitUntil(() => host.querySelector('.trends .trends-authors'), 'the trends did not load for one gallery');
    expect(host.querySelector('.trends [role="alert"]')).to.equal(null);
    expect(new URL(host.querySelector<HTMLAnchorElement>('a.trends-csv')!.href).searchParams.has('galleryId')).to.equal(false);
  });
});
