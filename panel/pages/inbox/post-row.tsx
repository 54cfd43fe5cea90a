import { useStore } from '@nanostores/preact';
import type { AdminPost } from '../../../shared/admin-types.ts';
import { variantFor, VideoMark } from '../../components/media.tsx';
import { RightsBadge } from '../../components/rights.tsx';
import { $marks, CURRENT, postById, SELECTED, setCurrent, toggleSelected } from '../../stores/inbox.ts';
import { PostPerformanceLine } from './post-performance.tsx';
import { t, tn, formatDate } from '../../i18n/i18n.ts';

export const ROW_HEIGHT = 76;

const MEDIA_LABELS = { video: 'media.video', carousel: 'inbox.carousel' } as const;

/** Where the post was found: each source's own label (#hashtag, Tagged photos, Manual upload, …). */
export function SourceBadges({ post }: { post: AdminPost }) {
  return (
    <>
      {post.sources.map((source) => (
        <span key={source.id} class={`badge source source-${source.kind}`} title={t('inbox.sourceTitle', { label: source.label })}>
          {source.label}
        </span>
      ))}
    </>
  );
}

/**
 * One post in the inbox list. It listens only to its own key of `$marks`, so moving the cursor
 * or selecting re-renders this row and not its neighbours.
 */
export function PostRow({ id, index, total, canModerate }: { id: string; index: number; total: number; canModerate: boolean }) {
  const flags = useStore($marks, { keys: [id] })[id] ?? 0;
  const post = postById(id);
  if (!post) return null;
  const current = (flags & CURRENT) !== 0;
  const selected = (flags & SELECTED) !== 0;
  const thumb = post.media[0] && variantFor(post.media[0], 120);
  return (
    <div
      id={`post-${id}`}
      class={`post-row${current ? ' is-current' : ''}${selected ? ' is-selected' : ''}`}
      role="option"
      aria-selected={selected}
      aria-current={current ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={total}
      data-post-id={id}
      style={{ top: `${index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
      onClick={() => setCurrent(id)}
    >
      {canModerate && (
        <span
          class="check"
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            toggleSelected(id);
          }}
        >
          {selected ? '✓' : ''}
        </span>
      )}
      <span class="thumb">{thumb ? <img src={thumb.url} alt="" width={56} height={56} loading="lazy" decoding="async" /> : post.media[0]?.videoUrl && <VideoMark />}</span>
      <span class="row-text">
        <span class="row-head">
          <strong>{post.author.username ? `@${post.author.username}` : t('common.unknownAuthor')}</strong>
          {/* First of the badges: the row clips what does not fit, and rights must always show. */}
          <RightsBadge post={post} />
          <span class="muted">{formatDate(post.collectedAt)}</span>
          {post.mediaType !== 'image' && <span class={`badge media-${post.mediaType}`}>{t(MEDIA_LABELS[post.mediaType])}</span>}
          <SourceBadges post={post} />
          {post.productCount > 0 && <span class="badge">{tn('inbox.productCount', post.productCount)}</span>}
          {post.moderation.ruleId && (
            <span class="badge rule" title={post.moderation.reason ?? undefined}>
              {t('inbox.rule')}
            </span>
          )}
        </span>
        <span class="caption-line">{post.caption}</span>
        <PostPerformanceLine performance={post.performance} />
      </span>
    </div>
  );
}
