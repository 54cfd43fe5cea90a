import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { AdminGallery } from '../../../shared/admin-types.ts';
import type { GalleryInput } from '../../../shared/admin-types.ts';
import { api, type Source } from '../../api.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { PublicAddressWarning, useReadiness } from '../../components/readiness.tsx';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { ProductPicker } from '../../components/product-picker.tsx';
import { RefusedOrigins } from '../../components/refused-origins.tsx';
import { announce } from '../../stores/announcer.ts';
import { $session, can } from '../../stores/session.ts';
import { LivePreview } from './live-preview.tsx';
import { ManualOrder } from './manual-order.tsx';

const LAYOUTS: Record<AdminGallery['layout'], string> = { grid: 'Grid', masonry: 'Masonry', carousel: 'Carousel' };
const SORTS: Record<AdminGallery['sort'], string> = { newest: 'Newest first', manual: 'Manual order', best: 'Best performing (attributed revenue, 30 days)' };

/** Words separated by commas or spaces, without a leading # (hashtags are stored bare). */
const list = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((item) => item.replace(/^#/, ''))
    .filter(Boolean);

export interface GalleryEditorProps {
  /** null: a new gallery, created on first save. */
  gallery: AdminGallery | null;
  sources: Source[];
  canEdit: boolean;
  onSaved: (gallery: AdminGallery) => void;
  onDeleted: (id: string) => void;
}

/**
 * One gallery: its settings, its manual order when sorted by hand, the real widget showing it,
 * and the snippet to paste into the store.
 */
export function GalleryEditor({ gallery: initial, sources, canEdit, onSaved, onDeleted }: GalleryEditorProps) {
  const [gallery, setGallery] = useState(initial);
  // Bumped after each save, so the preview remounts and shows what was saved.
  const [version, setVersion] = useState(0);
  const readiness = useReadiness();
  // Allowing a page's address is a workspace setting: owners only, as the server enforces.
  const canConfigure = can(useStore($session), 'configure');
  const saved = (next: AdminGallery) => {
    setGallery(next);
    setVersion((v) => v + 1);
    onSaved(next);
  };

  const form = useSubmit(async (data) => {
    const input: GalleryInput = {
      name: text(data, 'name'),
      layout: text(data, 'layout') as AdminGallery['layout'],
      sort: text(data, 'sort') as AdminGallery['sort'],
      pageSize: Number(text(data, 'pageSize')),
      filters: {
        sourceIds: data.getAll('filters.sourceIds').map(String),
        hashtags: list(text(data, 'filters.hashtags')),
        productIds: data.getAll('filters.productIds').map(String),
      },
    };
    const next = gallery ? await api.updateGallery(gallery.id, input) : await api.createGallery(input);
    saved(next);
    announce(`Saved the gallery “${next.name}”.`, false);
  });

  const remove = async () => {
    if (!gallery || !confirm(`Delete the gallery “${gallery.name}”? Pages that embed it will show nothing.`)) return;
    try {
      await api.deleteGallery(gallery.id);
      announce(`Deleted the gallery “${gallery.name}”.`, false);
      onDeleted(gallery.id);
    } catch (e) {
      announce(`The gallery was not deleted: ${e instanceof Error ? e.message : String(e)}`, false);
    }
  };

  return (
    <div class="gallery-editor">
      <form class="card stack" onSubmit={form.onSubmit} aria-label={gallery ? `Gallery ${gallery.name}` : 'New gallery'}>
        <h2>{gallery ? gallery.name : 'New gallery'}</h2>
        <FormError error={form.error} />
        <fieldset class="stack" disabled={!canEdit}>
          <Field form={form} name="name" label="Name" required maxLength={100} defaultValue={gallery?.name ?? ''} />
          <div class="row">
            <SelectField form={form} name="layout" label="Layout" options={LAYOUTS} defaultValue={gallery?.layout ?? 'grid'} />
            <SelectField form={form} name="sort" label="Sort" options={SORTS} defaultValue={gallery?.sort ?? 'newest'} />
            <Field form={form} name="pageSize" label="Posts per page" type="number" min={1} max={100} required defaultValue={String(gallery?.pageSize ?? 12)} />
          </div>
          <fieldset class="stack" aria-invalid={form.invalid('filters.sourceIds')}>
            <legend>Sources (none ticked: all)</legend>
            {sources.length === 0 && <span class="muted">No sources yet.</span>}
            {sources.map((source) => (
              <label class="check-label" key={source.id}>
                <input type="checkbox" name="filters.sourceIds" value={source.id} defaultChecked={gallery?.filters.sourceIds?.includes(source.id) ?? false} />
                {source.kind}: {source.label}
              </label>
            ))}
          </fieldset>
          <Field
            form={form}
            name="filters.hashtags"
            label={
              <>
                Only posts with these hashtags <span class="muted">(separated by spaces or commas)</span>
              </>
            }
            defaultValue={(gallery?.filters.hashtags ?? []).map((t) => `#${t}`).join(' ')}
          />
          <ProductPicker
            name="filters.productIds"
            label="Only posts tagged with these products"
            initialIds={gallery?.filters.productIds ?? []}
            invalid={form.invalid('filters.productIds')}
          />
          {canEdit && (
            <div class="row">
              <button type="submit" class="primary" disabled={form.busy}>
                {gallery ? 'Save gallery' : 'Create gallery'}
              </button>
              {gallery && (
                <button type="button" class="link danger" onClick={() => void remove()}>
                  Delete gallery
                </button>
              )}
            </div>
          )}
        </fieldset>
      </form>
      {gallery && (
        <>
          <section class="card stack" aria-labelledby="embed-title">
            <h3 id="embed-title">Embed</h3>
            <CopyField label="Paste this where the gallery should appear" value={gallery.embedCode} rows={3} />
            <details>
              <summary>On Shopify</summary>
              <p class="muted">
                In your Shopify admin: Online Store, Themes, Edit code, Sections, Add a new section named vitrine-gallery; replace its content
                with this and save. Then add the Vitrine gallery section where you want it in the theme editor. It adds to the Shopify cart, speaks
                your store's language and, on a product page, shows that product's photos.
              </p>
              <CopyField label="Shopify theme section" value={gallery.shopifySection} rows={6} />
            </details>
            {readiness?.publicOriginProblem && <PublicAddressWarning problem={readiness.publicOriginProblem} />}
            <RefusedOrigins canAllow={canConfigure} />
          </section>
          {gallery.sort === 'manual' && canEdit && (
            <section class="card stack" aria-labelledby="order-title">
              <h3 id="order-title">Order</h3>
              <ManualOrder key={version} gallery={gallery} onSaved={saved} />
            </section>
          )}
          <section class="card stack" aria-labelledby="preview-title">
            <h3 id="preview-title">Live preview</h3>
            <LivePreview gallery={gallery} version={version} />
          </section>
        </>
      )}
    </div>
  );
}
