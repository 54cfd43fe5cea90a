import { useEffect, useState } from 'preact/hooks';
import type { CatalogProduct } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { money } from '../../components/money.ts';
import { DataTable } from '../../components/table.tsx';
import { t } from '../../i18n/i18n.ts';

const availability = (value: CatalogProduct['availability']): string => t(`stock.${value}`);

interface Listing {
  q: string;
  products: CatalogProduct[];
  total: number;
  nextOffset: number | null;
}

/**
 * Every product in the catalog, as it will show to shoppers, with its feed and how many posts
 * are tagged with it: searched as the merchant types (an answer that comes back after a newer
 * search is dropped) and read 50 at a time.
 */
export function ProductTable({ version }: { version: string }) {
  const [q, setQ] = useState('');
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const aborter = new AbortController();
    api.catalogProducts(q, 0, aborter.signal).then(
      (page) => {
        setError(null);
        setListing({ q, ...page });
      },
      (e: unknown) => aborter.signal.aborted || setError(messageOf(e)),
    );
    return () => aborter.abort();
  }, [q, version]);

  const more = async () => {
    if (!listing || listing.nextOffset === null) return;
    try {
      const page = await api.catalogProducts(listing.q, listing.nextOffset);
      setListing((current) => current && current.q === listing.q ? { ...page, q: current.q, products: [...current.products, ...page.products] } : current);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <section class="card stack products" aria-labelledby="products-title">
      <h2 id="products-title">
        {t('inbox.products')} {listing && <span class="muted">{listing.q ? t('catalog.matching', { count: listing.total }) : listing.total}</span>}
      </h2>
      <label>
        {t('catalog.search')}
        <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} maxLength={100} />
      </label>
      {error && <p role="alert">{t('catalog.productsFailed', { reason: error })}</p>}
      {listing && listing.products.length === 0 && (
        <p class="muted">{listing.q ? t('catalog.noMatch') : t('catalog.noProduct')}</p>
      )}
      {listing && listing.products.length > 0 && (
        <DataTable
          class="product-table"
          rows={listing.products}
          rowKey={(p) => p.id}
          columns={[
            { label: t('inbox.image'), cell: (p) => (p.imageUrl ? <img src={p.imageUrl} alt="" width={40} height={40} loading="lazy" onError={hideImage} /> : null) },
            { label: t('terms.titleLabel'), cell: (p) => <span data-product-id={p.id}>{p.title}</span> },
            { label: t('catalog.sku'), cell: (p) => <code>{p.sku}</code> },
            { label: t('catalog.price'), cell: (p) => (p.price ? money(p.price.amount, p.price.currency) : <span class="muted">{t('catalog.none')}</span>), class: 'num' },
            { label: t('catalog.stock'), cell: (p) => availability(p.availability) },
            {
              label: t('catalog.link'),
              cell: (p) => (
                <a href={p.link} target="_blank" rel="noopener noreferrer">
                  {t('catalog.open')}
                </a>
              ),
            },
            { label: t('catalog.feed'), cell: (p) => p.feed ?? <span class="muted">—</span> },
            { label: t('catalog.taggedPosts'), cell: (p) => p.taggedPosts, class: 'num' },
          ]}
        />
      )}
      {listing?.nextOffset != null && (
        <button type="button" onClick={() => void more()}>
          {t('catalog.more', { count: listing.total - listing.products.length })}
        </button>
      )}
    </section>
  );
}

/** A product image the store no longer serves: an empty cell rather than a broken-image icon. */
const hideImage = (event: Event) => ((event.currentTarget as HTMLImageElement).hidden = true);
