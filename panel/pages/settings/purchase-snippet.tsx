import { shopifyPixel } from '../../../shared/shopify-pixel.ts';
import { CopyField } from '../../components/copy-field.tsx';

/**
 * What the store's order confirmation page needs to report purchases: the queue stub, the
 * loader naming this workspace (that page has no gallery to name it), and GA4's purchase
 * object with the order's own values. widget/README.md explains each field.
 */
export function purchaseSnippet(origin: string, workspaceId: string): string {
  return [
    `<script>window.vitrine = window.vitrine || function(){(vitrine.q=vitrine.q||[]).push(arguments)}</script>`,
    `<script async src="${origin}/embed.js" data-workspace="${workspaceId}"></script>`,
    `<script>`,
    `  vitrine('track', 'purchase', { transaction_id: 'ORDER-ID', value: 49.90, currency: 'EUR',`,
    `    items: [{ item_id: 'SKU', item_name: 'Product', price: 49.90, quantity: 1 }] });`,
    `</script>`,
  ].join('\n');
}

export function PurchaseSnippet({ workspaceId }: { workspaceId: string }) {
  return (
    <section class="card stack" aria-labelledby="purchase-title">
      <h2 id="purchase-title">Order confirmation page</h2>
      <p class="muted">
        Paste this on the page shoppers see after ordering, with the order's own id, total, currency and products (item_id is the SKU your
        products are tagged with). Each order counts once, even if the page is reloaded or your server also sends it.
      </p>
      <CopyField label="Purchase tracking code" value={purchaseSnippet(location.origin, workspaceId)} rows={6} />
      <details>
        <summary>On Shopify</summary>
        <p class="muted">
          Shopify runs no script on its order status page any more. Add this as a custom pixel instead: Settings, Customer events, Add custom
          pixel, paste, Save, then Connect. Allow your store's address (https://your-store.com) under allowed site origins above: the pixel's
          sandbox does not say where it runs, so the order names the store.
        </p>
        <CopyField label="Shopify custom pixel" value={shopifyPixel(location.origin, workspaceId)} rows={8} />
      </details>
    </section>
  );
}
