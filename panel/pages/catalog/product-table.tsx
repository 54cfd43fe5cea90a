import { useEffect, useState } from 'preact/hooks';
import type { CatalogProduct } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { money } from '../../components/money.ts';
import { DataTable } from '../../components/table.tsx';

const AVAILABILITY: Record<CatalogProduct['availability'], string> = {
  in_stock: 'In stock',
  out_of_stock: 'Out of stock',
  preorder: 'Pre-order',
  backorder: 'On backorder',
};

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
        Products {listing && <span class="muted">{listing.q ? `${listing.total} matching` : listing.total}</span>}
      </h2>
      <label>
        Search by title, SKU or brand
        <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} maxLength={100} />
      </label>
      {error && <p role="alert">Could not load the products: {error}</p>}
      {listing && listing.products.length === 0 && (
        <p class="muted">{listing.q ? 'No product matches this search.' : 'No product yet: add a feed below, from a file or your store’s feed address.'}</p>
      )}
      {listing && listing.products.length > 0 && (
        <DataTable
          class="product-table"
          rows={listing.products}
          rowKey={(p) => p.id}
          columns={[
            { label: 'Image', cell: (p) => (p.imageUrl ? <img src={p.imageUrl} alt="" width={40} height={40} loading="lazy" onError={hideImage} /> : null) },
            { label: 'Title', cell: (p) => <span data-product-id={p.id}>{p.title}</span> },
            { label: 'SKU', cell: (p) => <code>{p.sku}</code> },
            { label: 'Price', cell: (p) => (p.price ? money(p.price.amount, p.price.currency) : <span class="muted">none</span>), class: 'num' },
            { label: 'Stock', cell: (p) => AVAILABILITY[p.availability] },
            {
              label: 'Link',
              cell: (p) => (
                <a href={p.link} target="_blank" rel="noopener noreferrer">
                  Open
                </a>
              ),
            },
            { label: 'Feed', cell: (p) => p.feed ?? <span class="muted">—</span> },
            { label: 'Tagged posts', cell: (p) => p.taggedPosts, class: 'num' },
          ]}
        />
      )}
      {listing?.nextOffset != null && (
        <button type="button" onClick={() => void more()}>
          Show more ({listing.total - listing.products.length} left)
        </button>
      )}
    </section>
  );
}

/** A product image the store no longer serves: an empty cell rather than a broken-image icon. */
const hideImage = (event: Event) => ((event.currentTarget as HTMLImageElement).hidden = true);
