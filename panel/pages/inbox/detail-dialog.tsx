import { useStore } from '@nanostores/preact';
import { Dialog } from '../../components/dialog.tsx';
import { $detail, closeDetail } from '../../stores/inbox.ts';
import { $session, can } from '../../stores/session.ts';
import { RightsHistory } from './post-rights.tsx';
import { ProductTagger } from './tagging/product-tagger.tsx';
import { TagList } from './tagging/tag-list.tsx';
import { t } from '../../i18n/i18n.ts';

/** Everything about one post: its media with their product hotspots (tagged here), and the history and evidence of its rights. */
export function DetailDialog() {
  const detail = useStore($detail);
  const canTag = can(useStore($session), 'moderate');
  const post = detail?.post;
  return (
    <Dialog open={detail !== null} onClose={closeDetail} title={t('detail.title')}>
      {detail?.error && <p role="alert">{t('detail.failed', { reason: detail.error })}</p>}
      {!post && !detail?.error && <p class="muted">{t('common.loading')}</p>}
      {post && (
        <div class="detail">
          <ProductTagger post={post} canTag={canTag} key={post.id} />
          <div>
            <p>
              <strong>{post.author.username ? `@${post.author.username}` : t('common.unknownAuthor')}</strong>
            </p>
            <p class="caption">{post.caption}</p>
            <TagList post={post} canTag={canTag} />
            <RightsHistory post={post} />
          </div>
        </div>
      )}
    </Dialog>
  );
}
