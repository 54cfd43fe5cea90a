import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { AdminPost, ModerationRule, ModerationStatus } from '../../../shared/admin-types.ts';
import { MediaImage, stillStoring, VideoMark } from '../../components/media.tsx';
import { ruleKind } from '../../components/rule-kinds.ts';
import { api } from '../../api.ts';
import { now } from '../../clock.ts';
import { $currentId, $list, moderate, openDetail, postById, reloadPost } from '../../stores/inbox.ts';
import { openAsking } from '../../stores/rights.ts';
import { MediaIssues } from './media-issues.tsx';
import { PostRights } from './post-rights.tsx';
import { publicAnswer } from './public-answer.ts';
import { SourceBadges } from './post-row.tsx';
import { t, tn, formatDateTime, type MessageKey } from '../../i18n/i18n.ts';

const ACTIONS: { status: ModerationStatus; label: MessageKey; key: string }[] = [
  { status: 'approved', label: 'inbox.approve', key: 'a' },
  { status: 'rejected', label: 'inbox.reject', key: 'r' },
  { status: 'hidden', label: 'inbox.hide', key: 'h' },
];

/** The post under the cursor, large: every carousel child, its facts, and the actions. */
export function PostPreview({ canModerate, canAsk, rules }: { canModerate: boolean; canAsk: boolean; rules: ModerationRule[] }) {
  const id = useStore($currentId);
  // The list store changes when a post is replaced after moderation; read the post afresh.
  useStore($list);
  const post = id ? postById(id) : undefined;
  const galleryCount = useGalleryCount();
  if (!post) return <aside class="preview empty muted">{t('preview.empty')}</aside>;
  return (
    <aside class="preview" aria-label={t('preview.label')}>
      <Media post={post} key={post.id} />
      <div class="preview-body">
        <p class="preview-head">
          <strong>{post.author.username ? `@${post.author.username}` : t('common.unknownAuthor')}</strong>{' '}
          {post.permalink && (
            <a href={post.permalink} target="_blank" rel="noopener noreferrer">
              {t('preview.openInstagram')}
            </a>
          )}
        </p>
        {!post.author.username && (
          <p class="muted unknown-author">
            {t('preview.unknownAuthor')}
          </p>
        )}
        <MediaIssues post={post} key={post.id} />
        <p class="caption">{post.caption}</p>
        {post.moderation.ruleId && <RuleNote post={post} rules={rules} canModerate={canModerate} />}
        {post.media.some((m) => m.type === 'video' && !m.videoUrl) && <p class="muted">{t('preview.noVideoFile')}</p>}
        <dl class="facts">
          <dt>{t('preview.status')}</dt>
          <dd>{t(`status.one.${post.moderation.status}`)}</dd>
          <dt>{t('preview.public')}</dt>
          <dd data-public={post.isPublic}>{publicAnswer(post, galleryCount, now())}</dd>
          <dt>{t('nav.sources')}</dt>
          <dd>{post.sources.length > 0 ? <SourceBadges post={post} /> : '—'}</dd>
          <dt>{t('inbox.products')}</dt>
          <dd>{post.productCount}</dd>
          <dt>{t('preview.published')}</dt>
          <dd>{formatDateTime(post.publishedAt)}</dd>
          {post.sourceDeleted && (
            <>
              <dt>{t('preview.atSource')}</dt>
              <dd>{t('preview.deletedByAuthor')}</dd>
            </>
          )}
        </dl>
        <PostRights post={post} canAsk={canAsk} onAsk={() => openAsking([post.id])} />
        <div class="actions">
          {canModerate &&
            ACTIONS.filter((a) => a.status !== post.moderation.status).map((action) => (
              <button type="button" key={action.status} class={`action-${action.status}`} onClick={() => void moderate(action.status, [post.id])}>
                {t(action.label)} <kbd>{action.key}</kbd>
              </button>
            ))}
          {canModerate && post.moderation.status !== 'pending' && !post.moderation.ruleId && (
            <button type="button" onClick={() => void moderate('pending', [post.id])}>
              {t('inbox.backToQueue')} <kbd>p</kbd>
            </button>
          )}
          <button type="button" onClick={() => void openDetail(post.id)}>
            {t('preview.details')} <kbd>Enter</kbd>
          </button>
        </div>
      </div>
    </aside>
  );
}

/** How many galleries the workspace has (null until known, and when it cannot be read). */
function useGalleryCount(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    api.galleries().then(({ galleries }) => setCount(galleries.length), () => setCount(null));
  }, []);
  return count;
}

/**
 * Why an auto-moderation rule decided on this post: which rule (if it still exists) and its
 * reason, with the way back to the queue for a person to decide.
 */
function RuleNote({ post, rules, canModerate }: { post: AdminPost; rules: ModerationRule[]; canModerate: boolean }) {
  const rule = rules.find((r) => r.id === post.moderation.ruleId);
  const verb = post.moderation.status === 'approved' ? 'approved' : post.moderation.status === 'pending' ? 'decided' : 'filtered';
  return (
    <div class="rule-note" role="note">
      <p>
        <strong>
          {t(`ruleNote.${verb}`, { rule: rule ? `“${ruleKind(rule.kind).label}: ${rule.value}”` : t('ruleNote.removed') })}
        </strong>
        {post.moderation.at && <span>{t('rights.onDate', { date: formatDateTime(post.moderation.at) })}</span>}
      </p>
      <p>{t('ruleNote.why', { reason: post.moderation.reason ?? t('ruleNote.noReason') })}</p>
      {canModerate && post.moderation.status !== 'pending' && (
        <button type="button" onClick={() => void moderate('pending', [post.id])}>
          {t('inbox.backToQueue')} <kbd>p</kbd>
        </button>
      )}
    </div>
  );
}

/** The media large, with a strip to step through carousel children. */
function Media({ post }: { post: AdminPost }) {
  const [shown, setShown] = useState(0);
  useEffect(() => setShown(0), [post.id]);
  const storing = stillStoring(post);
  useEffect(() => {
    if (!storing) return;
    // Re-hosting runs on the server's schedule: ask again until the media are stored or given up.
    const timer = setInterval(() => void reloadPost(post.id).catch(() => undefined), 3000);
    return () => clearInterval(timer);
  }, [post.id, storing]);
  const media = post.media[shown] ?? post.media[0];
  if (!media) {
    if (storing) return <p class="muted">{t('preview.storing')}</p>;
    // Nothing will come (the issues below say why): a placeholder, not a wait.
    return (
      <div class="preview-media">
        <div class="media" style={{ aspectRatio: '4 / 5' }}>
          <VideoMark label={t('preview.nothingToShow')} />
        </div>
      </div>
    );
  }
  return (
    <div class="preview-media">
      <MediaImage media={media} width={640} playable />
      {post.media.length > 1 && (
        <div class="strip" role="group" aria-label={t('preview.carousel', { count: post.media.length })}>
          {post.media.map((child, index) => (
            <button type="button" key={child.id} aria-pressed={index === shown} aria-label={t('preview.item', { n: index + 1 })} onClick={() => setShown(index)}>
              <MediaImage media={child} width={120} />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
