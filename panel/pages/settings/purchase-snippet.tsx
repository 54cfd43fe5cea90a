import { shopifyPixel } from '../../../shared/shopify-pixel.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { t } from '../../i18n/i18n.ts';

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
      <h2 id="purchase-title">{t('purchase.title')}</h2>
      <p class="muted">
        {t('purchase.help')}
      </p>
      <CopyField label={t('purchase.code')} value={purchaseSnippet(location.origin, workspaceId)} rows={6} />
      <details>
        <summary>{t('purchase.shopify')}</summary>
        <p class="muted">
          {t('purchase.shopifyHelp')}
        </p>
        <CopyField label={t('purchase.pixel')} value={shopifyPixel(location.origin, workspaceId)} rows={8} />
      </details>
    </section>
  );
}
