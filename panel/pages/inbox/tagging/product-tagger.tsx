import { useEffect, useRef, useState } from 'preact/hooks';
import type { AdminPostDetail } from '../../../../shared/admin-types.ts';
import type { PublicProduct } from '../../../../shared/api-types.ts';
import { MediaImage, stillStoring } from '../../../components/media.tsx';
import { tagProduct } from '../../../stores/tagging.ts';
import type { Point } from './hotspot-position.ts';
import { ProductSearch } from './product-search.tsx';
import { TagStage } from './tag-stage.tsx';
import { t, tn } from '../../../i18n/i18n.ts';

const CENTRE: Point = { x: 0.5, y: 0.5 };

/**
 * The post's media with their product hotspots: pick a carousel image, click it (or press "Add
 * product") to drop a hotspot and choose its product; drag or arrow-key hotspots to move them.
 */
export function ProductTagger({ post, canTag }: { post: AdminPostDetail; canTag: boolean }) {
  const [shown, setShown] = useState(0);
  const [draft, setDraft] = useState<Point | null>(null);
  // The tag to focus once it is saved and drawn, so the arrow keys can adjust it straight away.
  const [focusTag, setFocusTag] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const media = post.media[shown] ?? post.media[0];
  const first = post.media[0]?.id;
  const tagsOn = (mediaId: string) => post.products.filter((tag) => (tag.hotspot.mediaId ?? first) === mediaId);

  useEffect(() => {
    if (!focusTag) return;
    const hotspot = root.current?.querySelector<HTMLElement>(`.hotspot[data-tag-id="${focusTag}"]`);
    if (!hotspot) return;
    setFocusTag(null);
    // Only if focus is still where the pick left it: the merchandiser may have moved on.
    if (document.activeElement === addButton.current) hotspot.focus();
  }, [focusTag, post.products]);

  const pick = async (product: PublicProduct) => {
    if (!draft) return;
    const at = draft;
    setDraft(null);
    addButton.current?.focus();
    const tagId = await tagProduct(post.id, product, media?.id ?? null, at);
    if (tagId) setFocusTag(tagId);
  };
  const cancel = () => {
    setDraft(null);
    addButton.current?.focus();
  };
  const choose = (index: number) => {
    setDraft(null);
    setShown(index);
  };

  return (
    <div class="tagger" ref={root}>
      {media ? (
        <TagStage postId={post.id} media={media} tags={tagsOn(media.id)} draft={draft} canTag={canTag} onDrop={setDraft} onRemove={() => addButton.current?.focus()} />
      ) : (
        <p class="muted">{stillStoring(post) ? t('preview.storing') : t('tagger.nothing')}</p>
      )}
      {post.media.length > 1 && (
        <div class="strip" role="group" aria-label={t('tagger.carousel', { count: post.media.length })}>
          {post.media.map((child, index) => {
            const count = tagsOn(child.id).length;
            return (
              <button type="button" key={child.id} aria-pressed={index === shown} aria-label={tn('tagger.image', count, { n: index + 1 })} onClick={() => choose(index)}>
                <MediaImage media={child} width={120} />
              </button>
            );
          })}
        </div>
      )}
      {canTag && (
        <p class="tagger-help">
          <button type="button" ref={addButton} onClick={() => setDraft(CENTRE)}>
            {t('tagger.add')}
          </button>{' '}
          <span class="muted">{t('tagger.help')}</span>
        </p>
      )}
      {canTag && draft && <ProductSearch postId={post.id} onPick={(product) => void pick(product)} onCancel={cancel} />}
    </div>
  );
}
