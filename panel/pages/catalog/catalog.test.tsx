import { expect, waitUntil } from '@open-wc/testing';
import { api } from '../../api.ts';
import { Toast } from '../../components/toast.tsx';
import { advanceFixtureClock, after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { closePreview } from '../../stores/catalog.ts';
import { AddFeedForm } from './add-feed-form.tsx';
import { CatalogPage } from './catalog.tsx';
import { formatColumns } from './catalog-text.ts';

/**
 * The catalog page against the real API. Its products have SKUs of their own (WTRCAT-…) and
 * titles no caption names, so the tagging tests' suggestions and searches are not disturbed.
 */
const HEADER = 'sku,name,url,image,price,currency,in_stock,vendor';
const row = (sku: string, title: string, price: string) => `${sku},${title},https://shop.example/${sku.toLowerCase()},,${price},EUR,yes,Wtrco`;
/** Three good rows; line 4 has a price nobody can read. */
const FIRST = [HEADER, row('WTRCAT-1', 'Quartz Tray', '12.5'), row('WTRCAT-2', 'Oak Stool', '89'), row('WTRCAT-3', 'Jute Rug', '140'), row('WTRCAT-4', 'Clay Bell', 'lots')].join('\n');
/** The tray's price changes, the rug is gone, a bench is new. */
const SECOND = [HEADER, row('WTRCAT-1', 'Quartz Tray', '14'), row('WTRCAT-2', 'Oak Stool', '89'), row('WTRCAT-5', 'Ash Bench', '210')].join('\n');
const FEED_URL = 'https://feeds.example.com/wtr-catalog.csv';

const page = () => document.querySelector<HTMLElement>('.catalog')!;
const previewBox = () => document.querySelector<HTMLElement>('.import-preview');
const count = (kind: string) => previewBox()?.querySelector(`.import-counts [data-kind=${kind}] strong`)?.textContent;
const feedRow = (name: string) => [...page().querySelectorAll<HTMLTableRowElement>('table.feeds tbody tr')].find((tr) => tr.textContent?.includes(name));
const button = (root: Element, label: RegExp) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(b.textContent ?? ''));
const toast = () => document.querySelector('.toast-region')?.textContent ?? '';
const form = () => document.querySelector<HTMLFormElement>('form.add-feed')!;

function choose(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
function fill(name: string, value: string): void {
  const input = form().querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
async function productSkus(): Promise<string[]> {
  return (await api.products('WTRCAT', 50)).products.map((p) => p.sku).sort();
}

describe('catalog page', () => {
  let host: HTMLElement;
  before(async () => {
    await signIn();
    host = mount(
      <>
        <CatalogPage />
        <Toast onUndo={() => undefined} />
      </>,
      { height: 3000 },
    );
    await waitUntil(() => document.querySelector('form.add-feed'), 'the page did not show');
  });
  after(() => {
    if (host) unmount(host);
  });

  it('adds a feed from an uploaded file, previews it with the invalid row by line, and applies it skipping that row', async () => {
    fill('name', 'Wtr upload feed');
    choose(form().querySelector<HTMLInputElement>('input[name=file]')!, new File([FIRST], 'catalog.csv', { type: 'text/csv' }));
    // The file's extension chose the format.
    await waitUntil(() => form().querySelector<HTMLSelectElement>('select[name=format]')!.value === 'csv', 'the format did not follow the file');
    button(form(), /Add and preview/)!.click();

    await waitUntil(() => count('added') === '3', 'the preview did not show');
    expect([count('updated'), count('unchanged'), count('missing'), count('invalid')]).to.deep.equal(['0', '0', '0', '1']);
    expect(previewBox()!.querySelector('.samples[data-kind=added]')!.textContent).to.contain('Oak Stool').and.contain('WTRCAT-2');
    const errors = [...previewBox()!.querySelectorAll('table.row-errors tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(errors).to.have.length(1);
    expect(errors[0]![0]).to.equal('5');
    expect(errors[0]![1]).to.equal('price');
    expect(errors[0]![2]).to.contain('price');
    // The panel moves focus to the preview in an effect, after the frame that shows it.
    await waitUntil(() => document.activeElement === previewBox()!.querySelector('h2'), 'focus did not land on the preview');
    // Nothing is in the catalog before Apply.
    expect(await productSkus()).to.deep.equal([]);
    await waitUntil(() => feedRow('Wtr upload feed'), 'the new feed is not listed');

    button(previewBox()!, /^Apply skipping 1 invalid row$/)!.click();
    await waitUntil(() => previewBox()!.textContent!.includes('Applied'), 'the import was not applied');
    await waitUntil(() => toast().includes('Applied: 3 added'), 'the apply was not announced');
    expect(await productSkus()).to.deep.equal(['WTRCAT-1', 'WTRCAT-2', 'WTRCAT-3']);
    await waitUntil(() => feedRow('Wtr upload feed')!.querySelectorAll('td')[1]!.textContent === '3', 'the product count did not follow');
    expect(feedRow('Wtr upload feed')!.querySelectorAll('td')[2]!.textContent).to.not.equal('Never');
    expect(button(previewBox()!, /^Apply/)).to.equal(undefined);
  });

  it('lists the applied products in the products table, with price, stock and feed, found by search', async () => {
    const search = page().querySelector<HTMLInputElement>('.products input[type=search]')!;
    search.value = 'wtrcat';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    const rows = () => [...page().querySelectorAll('table.product-table tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    await waitUntil(() => rows().length === 3, 'the search did not list the three products');
    // By title: Jute Rug, Oak Stool, Quartz Tray.
    expect(rows().map((cells) => cells.slice(1, 5).concat(cells[6]!))).to.deep.equal([
      ['Jute Rug', 'WTRCAT-3', '€140.00', 'In stock', 'Wtr upload feed'],
      ['Oak Stool', 'WTRCAT-2', '€89.00', 'In stock', 'Wtr upload feed'],
      ['Quartz Tray', 'WTRCAT-1', '€12.50', 'In stock', 'Wtr upload feed'],
    ]);
    expect(page().querySelector('#products-title')!.textContent).to.contain('3 matching');
  });

  it('previews a new file as updated, unchanged, added and missing, and discards it', async () => {
    const input = feedRow('Wtr upload feed')!.querySelector<HTMLInputElement>('input[type=file]')!;
    choose(input, new File([SECOND], 'catalog.csv', { type: 'text/csv' }));
    await waitUntil(() => count('missing') === '1' && previewBox()!.textContent!.includes('Waiting'), 'the second preview did not show');
    expect([count('added'), count('updated'), count('unchanged'), count('invalid')]).to.deep.equal(['1', '1', '1', '0']);
    expect(previewBox()!.querySelector('.samples[data-kind=missing]')!.textContent).to.contain('Jute Rug');
    expect(previewBox()!.querySelector('.samples[data-kind=updated]')!.textContent).to.contain('Quartz Tray');
    // The price shoppers would pay, and what an update changes it from.
    const trayPrice = previewBox()!.querySelector('.samples[data-kind=updated] [data-price]')!;
    expect([trayPrice.querySelector('del')?.textContent, trayPrice.textContent?.trim()]).to.deep.equal(['€12.50', '€12.50 €14.00']);
    expect(previewBox()!.querySelector('.samples[data-kind=added] [data-price]')!.textContent?.trim()).to.equal('€210.00');
    expect(previewBox()!.querySelector('table.row-errors')).to.equal(null);

    button(previewBox()!, /^Discard$/)!.click();
    await waitUntil(() => previewBox()!.textContent!.includes('Discarded'), 'the import was not discarded');
    expect(await productSkus()).to.deep.equal(['WTRCAT-1', 'WTRCAT-2', 'WTRCAT-3']);

    // The history lists both imports, newest first.
    button(feedRow('Wtr upload feed')!, /^Imports$/)!.click();
    await waitUntil(() => document.querySelectorAll('.import-history tbody tr').length === 2, 'the history did not load');
    expect([...document.querySelectorAll('.import-history tbody tr')].map((tr) => tr.querySelectorAll('td')[3]!.textContent)).to.deep.equal(['Discarded', 'Applied']);
  });

  it('keeps a preview waiting for review in view on its feed after the merchant leaves the page', async () => {
    const input = feedRow('Wtr upload feed')!.querySelector<HTMLInputElement>('input[type=file]')!;
    choose(input, new File([SECOND], 'catalog.csv', { type: 'text/csv' }));
    await waitUntil(() => count('missing') === '1' && previewBox()!.textContent!.includes('Waiting'), 'the preview did not show');
    // Away to another page and back: the page starts afresh.
    unmount(host);
    closePreview();
    host = mount(
      <>
        <CatalogPage />
        <Toast onUndo={() => undefined} />
      </>,
      { height: 3000 },
    );
    await waitUntil(() => feedRow('Wtr upload feed')?.querySelector('[data-waiting]'), 'the feed does not say a preview waits');
    expect(previewBox()).to.equal(null);
    button(feedRow('Wtr upload feed')!, /^Review it$/)!.click();
    await waitUntil(() => count('missing') === '1' && button(previewBox()!, /^Discard$/), 'the waiting preview did not open');
    expect(feedRow('Wtr upload feed')!.querySelector('[data-waiting]')).to.equal(null);
    button(previewBox()!, /^Discard$/)!.click();
    await waitUntil(() => previewBox()!.textContent!.includes('Discarded'), 'the import was not discarded');
    await waitUntil(() => (document.querySelector('table.feeds') && !feedRow('Wtr upload feed')!.querySelector('[data-waiting]')), 'the feed still says a preview waits');
  });

  it('says a preview is stale when another import was applied since, and previews the file again', async () => {
    const input = feedRow('Wtr upload feed')!.querySelector<HTMLInputElement>('input[type=file]')!;
    choose(input, new File([SECOND], 'catalog.csv', { type: 'text/csv' }));
    await waitUntil(() => count('missing') === '1' && button(previewBox()!, /^Apply$/), 'the preview did not show');
    // A second later a colleague applies another file to the same feed (the test app's clock stands still otherwise).
    await advanceFixtureClock(1000);
    const feedId = feedRow('Wtr upload feed')!.querySelector<HTMLElement>('[data-feed-id]')!.dataset.feedId!;
    const theirs = (await api.previewImport(feedId, new Blob([FIRST], { type: 'text/csv' }))).import;
    await api.applyImport(theirs.id, true);

    button(previewBox()!, /^Apply$/)!.click();
    await waitUntil(() => previewBox()!.querySelector('[role=alert]')?.textContent?.includes('preview the feed again'), 'the stale preview was not explained');
    expect(button(previewBox()!, /^Apply$/)!.disabled).to.equal(true);
    button(previewBox()!, /^Preview again$/)!.click();
    await waitUntil(() => !previewBox()!.querySelector('[role=alert]') && button(previewBox()!, /^Apply$/) && !button(previewBox()!, /^Apply$/)!.disabled, 'no fresh preview');
    button(previewBox()!, /^Apply$/)!.click();
    await waitUntil(() => previewBox()!.textContent!.includes('Applied'), 'the fresh preview was not applied');
    expect(await productSkus()).to.deep.equal(['WTRCAT-1', 'WTRCAT-2', 'WTRCAT-5']);
  });

  it('adds a feed fetched from a URL on a schedule, and refreshes it on request', async () => {
    await fetch('/__fixture/merchant-site', { method: 'POST', body: JSON.stringify({ url: FEED_URL, body: [HEADER, row('WTRCAT-9', 'Wool Throw', '75')].join('\n'), type: 'text/csv' }) });
    fill('name', 'Wtr URL feed');
    fill('format', 'csv');
    form().querySelector<HTMLInputElement>('input[name=origin][value=url]')!.click();
    await waitUntil(() => form().querySelector('input[name=url]'));
    fill('url', FEED_URL);
    fill('refreshHours', '6');
    button(form(), /Add and preview/)!.click();

    await waitUntil(() => count('added') === '1' && previewBox()!.textContent!.includes('Wtr URL feed'), 'the fetched preview did not show');
    button(previewBox()!, /^Apply$/)!.click();
    await waitUntil(() => previewBox()!.textContent!.includes('Applied'));
    await waitUntil(() => feedRow('Wtr URL feed')!.querySelectorAll('td')[1]!.textContent === '1', 'the count did not follow');
    const cells = [...feedRow('Wtr URL feed')!.querySelectorAll('td')].map((td) => td.textContent ?? '');
    expect(cells[0]).to.contain(FEED_URL);
    expect(feedRow('Wtr URL feed')!.querySelector<HTMLSelectElement>('select')!.value).to.equal('6');

    // Fetched twice a day from now on.
    const schedule = feedRow('Wtr URL feed')!.querySelector<HTMLSelectElement>('select')!;
    schedule.value = '12';
    schedule.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => toast().includes('Saved the feed Wtr URL feed'), 'the schedule change was not confirmed');
    expect((await api.catalogFeeds()).feeds.find((f) => f.name === 'Wtr URL feed')!.refreshHours).to.equal(12);

    button(feedRow('Wtr URL feed')!, /^Refresh now$/)!.click();
    await waitUntil(() => count('unchanged') === '1' && previewBox()!.textContent!.includes('Waiting'), 'Refresh now did not fetch a preview');
    button(previewBox()!, /^Discard$/)!.click();
    await waitUntil(() => previewBox()!.textContent!.includes('Discarded'));
  });

  it('asks a Shopify feed for the store address its product links are built from', async () => {
    const shopify = JSON.stringify({
      products: [{ id: 1, title: 'Wtr Linen Apron', handle: 'wtr-apron', vendor: 'Wtrco', variants: [{ id: 11, title: 'Default', price: '32.00', sku: 'WTRCAT-APRON', available: true }], images: [] }],
    });
    fill('name', 'Wtr Shopify feed');
    choose(form().querySelector<HTMLInputElement>('input[name=file]')!, new File([shopify], 'products.json', { type: 'application/json' }));
    await waitUntil(() => form().querySelector<HTMLInputElement>('input[name=storeUrl]'), 'no store address field for Shopify');
    expect(form().querySelector<HTMLSelectElement>('select[name=format]')!.value).to.equal('shopify_json');
    fill('storeUrl', 'https://wtr-shop.example');
    fill('currency', 'EUR');
    button(form(), /Add and preview/)!.click();
    await waitUntil(() => count('added') === '1' && previewBox()!.textContent!.includes('Wtr Shopify feed'), 'the Shopify preview did not show');
    expect(previewBox()!.querySelector('.samples[data-kind=added]')!.textContent).to.contain('WTRCAT-APRON');
    button(previewBox()!, /^Discard$/)!.click();
    await waitUntil(() => previewBox()!.textContent!.includes('Discarded'));
    expect((await api.catalogFeeds()).feeds.find((f) => f.name === 'Wtr Shopify feed')!.storeUrl).to.equal('https://wtr-shop.example');
  });

  it('names the field the server refuses', async () => {
    fill('name', 'Wtr bad feed');
    form().querySelector<HTMLInputElement>('input[name=origin][value=url]')!.click();
    await waitUntil(() => form().querySelector('input[name=url]'));
    fill('url', 'https://127.0.0.1/feed.csv');
    button(form(), /Add and preview/)!.click();
    await waitUntil(() => form().querySelector('.form-error'), 'the refusal did not show');
    // In words, by the field's label, not by the API's field name.
    expect(form().querySelector('.form-error')!.textContent).to.match(/^Feed address must be an https address on a public host/);
    expect(form().querySelector('input[name=url]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement).to.equal(form().querySelector('input[name=url]'));
  });
});

describe('the add-feed form', () => {
  it('lists the columns the chosen format needs, before anything is uploaded', async () => {
    const host = mount(<AddFeedForm />);
    try {
      const columns = () => host.querySelector('.format-columns')!.textContent!;
      expect(columns()).to.equal(formatColumns('merchant_xml'));
      const format = host.querySelector<HTMLSelectElement>('select[name="format"]')!;
      format.value = 'csv';
      format.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => columns() === formatColumns('csv'), 'the columns did not follow the format');
      expect(columns()).to.match(/^A header row with sku \(or id\), name \(or title\) and url \(or link\)/);
    } finally {
      unmount(host);
    }
  });
});
