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
import { t } from '../../i18n/i18n.ts';

const LAYOUTS: AdminGallery['layout'][] = ['grid', 'masonry', 'carousel'];
const SORTS: AdminGallery['sort'][] = ['newest', 'manual', 'best'];
const layoutOptions = () => Object.fromEntries(LAYOUTS.map((layout) => [layout, t(`galleries.layoutOption.${layout}`)]));
const sortOptions = () => Object.fromEntries(SORTS.map((sort) => [sort, t(`galleries.sortOption.${sort}`)]));

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
    announce(t('galleries.saved', { name: next.name }), false);
  });

  const remove = async () => {
    if (!gallery || !confirm(t('galleries.confirmDelete', { name: gallery.name }))) return;
    try {
      await api.deleteGallery(gallery.id);
      announce(t('galleries.deleted', { name: gallery.name }), false);
      onDeleted(gallery.id);
    } catch (e) {
      announce(t('galleries.notDeleted', { reason: e instanceof Error ? e.message : String(e) }), false);
    }
  };

  return (
    <div class="gallery-editor">
      <form class="card stack" onSubmit={form.onSubmit} aria-label={gallery ? t('galleries.named', { name: gallery.name }) : t('galleries.new')}>
        <h2>{gallery ? gallery.name : t('galleries.new')}</h2>
        <FormError error={form.error} />
        <fieldset class="stack" disabled={!canEdit}>
          <Field form={form} name="name" label={t('members.name')} required maxLength={100} defaultValue={gallery?.name ?? ''} />
          <div class="row">
            <SelectField form={form} name="layout" label={t('galleries.layoutLabel')} options={layoutOptions()} defaultValue={gallery?.layout ?? 'grid'} />
            <SelectField form={form} name="sort" label={t('galleries.sortLabel')} options={sortOptions()} defaultValue={gallery?.sort ?? 'newest'} />
            <Field form={form} name="pageSize" label={t('galleries.pageSize')} type="number" min={1} max={100} required defaultValue={String(gallery?.pageSize ?? 12)} />
          </div>
          <fieldset class="stack" aria-invalid={form.invalid('filters.sourceIds')}>
            <legend>{t('galleries.sources')}</legend>
            {sources.length === 0 && <span class="muted">{t('galleries.noSources')}</span>}
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
                {t('galleries.hashtags')} <span class="muted">{t('galleries.hashtagsHint')}</span>
              </>
            }
            defaultValue={(gallery?.filters.hashtags ?? []).map((t) => `#${t}`).join(' ')}
          />
          <ProductPicker
            name="filters.productIds"
            label={t('galleries.products')}
            initialIds={gallery?.filters.productIds ?? []}
            invalid={form.invalid('filters.productIds')}
          />
          {canEdit && (
            <div class="row">
              <button type="submit" class="primary" disabled={form.busy}>
                {gallery ? t('galleries.save') : t('galleries.create')}
              </button>
              {gallery && (
                <button type="button" class="link danger" onClick={() => void remove()}>
                  {t('galleries.delete')}
                </button>
              )}
            </div>
          )}
        </fieldset>
      </form>
      {gallery && (
        <>
          <section class="card stack" aria-labelledby="embed-title">
            <h3 id="embed-title">{t('galleries.embed')}</h3>
            <CopyField label={t('galleries.embedLabel')} value={gallery.embedCode} rows={3} />
            <details>
              <summary>{t('purchase.shopify')}</summary>
              <p class="muted">
                {t('galleries.shopifyHelp')}
              </p>
              <CopyField label={t('galleries.shopifySection')} value={gallery.shopifySection} rows={6} />
            </details>
            {readiness?.publicOriginProblem && <PublicAddressWarning problem={readiness.publicOriginProblem} />}
            <RefusedOrigins canAllow={canConfigure} />
          </section>
          {gallery.sort === 'manual' && canEdit && (
            <section class="card stack" aria-labelledby="order-title">
              <h3 id="order-title">{t('galleries.order')}</h3>
              <ManualOrder key={version} gallery={gallery} onSaved={saved} />
            </section>
          )}
          <section class="card stack" aria-labelledby="preview-title">
            <h3 id="preview-title">{t('galleries.preview')}</h3>
            <LivePreview gallery={gallery} version={version} />
          </section>
        </>
      )}
    </div>
  );
}
