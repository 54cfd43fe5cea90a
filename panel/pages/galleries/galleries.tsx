import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { AdminGallery } from '../../../shared/admin-types.ts';
import { api, messageOf, type Source } from '../../api.ts';
import { $router } from '../../stores/router.ts';
import { $session, can } from '../../stores/session.ts';
import { GalleryEditor } from './gallery-editor.tsx';
import { t } from '../../i18n/i18n.ts';

/** The galleries, and the one being edited (`selectedId`), or a new one. */
export function GalleriesPage({ selectedId }: { selectedId: string | null }) {
  const canEdit = can(useStore($session), 'curate');
  const [galleries, setGalleries] = useState<AdminGallery[] | null>(null);
  const [sources, setSources] = useState<Source[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    api.galleries().then(({ galleries }) => setGalleries(galleries), (e: unknown) => setError(messageOf(e)));
    api.sources().then(
      ({ sources }) => setSources(sources),
      () => setSources([]),
    );
  }, []);

  useEffect(() => setCreating(false), [selectedId]);

  const selected = galleries?.find((g) => g.id === selectedId) ?? null;
  const saved = (gallery: AdminGallery) => {
    setGalleries((old) => [...(old ?? []).filter((g) => g.id !== gallery.id), gallery].sort((a, b) => a.name.localeCompare(b.name)));
    if (gallery.id !== selectedId) {
      setCreating(false);
      $router.open(`/panel/galleries/${encodeURIComponent(gallery.id)}`);
    }
  };
  const deleted = (id: string) => {
    setGalleries((old) => (old ?? []).filter((g) => g.id !== id));
    $router.open('/panel/galleries');
  };

  return (
    <section aria-labelledby="galleries-title" class="page galleries">
      <header class="page-head">
        <h1 id="galleries-title">{t('nav.galleries')}</h1>
        {canEdit && (
          <button type="button" class="primary" onClick={() => setCreating(true)}>
            {t('galleries.new')}
          </button>
        )}
      </header>
      {error && <p role="alert">{t('galleries.loadFailed', { reason: error })}</p>}
      <div class="galleries-body">
        <nav aria-label={t('nav.galleries')} class="gallery-list">
          {galleries?.length === 0 && <p class="muted">{t('galleries.none')}</p>}
          {galleries?.map((gallery) => (
            <a key={gallery.id} href={`/panel/galleries/${encodeURIComponent(gallery.id)}`} aria-current={gallery.id === selectedId && !creating ? 'page' : undefined}>
              {gallery.name}
              <span class="muted">
                {t(`galleries.layout.${gallery.layout}`)}, {t(`galleries.sort.${gallery.sort}`)}
              </span>
            </a>
          ))}
        </nav>
        {creating ? (
          <GalleryEditor key="new" gallery={null} sources={sources} canEdit={canEdit} onSaved={saved} onDeleted={deleted} />
        ) : selected ? (
          <GalleryEditor key={selected.id} gallery={selected} sources={sources} canEdit={canEdit} onSaved={saved} onDeleted={deleted} />
        ) : (
          <p class="muted">{galleries && galleries.length > 0 ? t('galleries.choose') : ''}</p>
        )}
      </div>
    </section>
  );
}
