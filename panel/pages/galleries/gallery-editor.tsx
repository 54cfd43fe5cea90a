import { useState } from 'preact/hooks';
import type { AdminGallery } from '../../../shared/admin-types.ts';
import { api, type GalleryInput, type Source } from '../../api.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { FormError, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';
import { LivePreview } from './live-preview.tsx';
import { ManualOrder } from './manual-order.tsx';

const LAYOUTS: Record<AdminGallery['layout'], string> = { grid: 'Grid', masonry: 'Masonry', carousel: 'Carousel' };
const SORTS: Record<AdminGallery['sort'], string> = { newest: 'Newest first', manual: 'Manual order', best: 'Best performing' };

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
        productIds: list(text(data, 'filters.productIds')),
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
          <label>
            Name
            <input name="name" required maxLength={100} defaultValue={gallery?.name ?? ''} aria-invalid={form.invalid('name')} />
          </label>
          <div class="row">
            <label>
              Layout
              <select name="layout" defaultValue={gallery?.layout ?? 'grid'} aria-invalid={form.invalid('layout')}>
                {Object.entries(LAYOUTS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Sort
              <select name="sort" defaultValue={gallery?.sort ?? 'newest'} aria-invalid={form.invalid('sort')}>
                {Object.entries(SORTS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Posts per page
              <input name="pageSize" type="number" min={1} max={100} required defaultValue={String(gallery?.pageSize ?? 12)} aria-invalid={form.invalid('pageSize')} />
            </label>
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
          <label>
            Only posts with these hashtags <span class="muted">(separated by spaces or commas)</span>
            <input name="filters.hashtags" defaultValue={(gallery?.filters.hashtags ?? []).map((t) => `#${t}`).join(' ')} aria-invalid={form.invalid('filters.hashtags')} />
          </label>
          <label>
            Only posts tagged with these products <span class="muted">(product ids)</span>
            <input name="filters.productIds" defaultValue={(gallery?.filters.productIds ?? []).join(' ')} aria-invalid={form.invalid('filters.productIds')} />
          </label>
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
          </section>
          {gallery.sort === 'manual' && canEdit && (
            <section class="card stack" aria-labelledby="order-title">
              <h3 id="order-title">Order</h3>
              <ManualOrder key={version} gallery={gallery} onSaved={saved} />
            </section>
          )}
          <section class="card stack" aria-labelledby="preview-title">
            <h3 id="preview-title">Live preview</h3>
            <LivePreview galleryId={gallery.id} version={version} />
          </section>
        </>
      )}
    </div>
  );
}
