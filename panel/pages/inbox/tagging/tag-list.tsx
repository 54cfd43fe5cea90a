import type { AdminPostDetail } from '../../../../shared/admin-types.ts';
import { isPending, untag } from '../../../stores/tagging.ts';
import { t, formatNumber } from '../../../i18n/i18n.ts';

const money = (amount: number, currency: string) => formatNumber(amount / 100, { style: 'currency', currency });

/** The post's tagged products in words, with the image each is on and a way to remove it. */
export function TagList({ post, canTag }: { post: AdminPostDetail; canTag: boolean }) {
  const first = post.media[0]?.id ?? null;
  const imageNumber = (mediaId: string | null) => post.media.findIndex((m) => m.id === (mediaId ?? first)) + 1;
  return (
    <>
      <h3>{t('tagger.tagged')}</h3>
      {post.products.length === 0 ? (
        <p class="muted">{t('tagger.noneYet')}</p>
      ) : (
        <ul class="plain tag-list">
          {post.products.map((tag) => (
            <li key={tag.tagId} data-tag-id={tag.tagId}>
              <span>
                {tag.title} <span class="muted">({tag.sku})</span>
                {tag.price && ` — ${money(tag.price.amount, tag.price.currency)}`}
                {post.media.length > 1 && <span class="muted"> · {t('tagger.onImage', { n: imageNumber(tag.hotspot.mediaId) })}</span>}
              </span>
              {canTag && (
                <button type="button" class="link danger" disabled={isPending(tag)} aria-label={t('tagger.removeTitle', { title: tag.title })} onClick={() => void untag(post.id, tag.tagId)}>
                  {t('tagger.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
