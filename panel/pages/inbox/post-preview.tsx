import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { AdminPost, ModerationRule, ModerationStatus } from '../../../shared/admin-types.ts';
import { MediaImage, stillStoring, VideoMark } from '../../components/media.tsx';
import { RULE_KINDS } from '../../components/rule-kinds.ts';
import { api } from '../../api.ts';
import { now } from '../../clock.ts';
import { $currentId, $list, moderate, openDetail, postById, reloadPost } from '../../stores/inbox.ts';
import { openAsking } from '../../stores/rights.ts';
import { MediaIssues } from './media-issues.tsx';
import { PostRights } from './post-rights.tsx';
import { publicAnswer } from './public-answer.ts';
import { SourceBadges } from './post-row.tsx';

const ACTIONS: { status: ModerationStatus; label: string; key: string }[] = [
  { status: 'approved', label: 'Approve', key: 'a' },
  { status: 'rejected', label: 'Reject', key: 'r' },
  { status: 'hidden', label: 'Hide', key: 'h' },
];

/** The post under the cursor, large: every carousel child, its facts, and the actions. */
export function PostPreview({ canModerate, canAsk, rules }: { canModerate: boolean; canAsk: boolean; rules: ModerationRule[] }) {
  const id = useStore($currentId);
  // The list store changes when a post is replaced after moderation; read the post afresh.
  useStore($list);
  const post = id ? postById(id) : undefined;
  const galleryCount = useGalleryCount();
  if (!post) return <aside class="preview empty muted">Select a post to preview it.</aside>;
  return (
    <aside class="preview" aria-label="Preview">
      <Media post={post} key={post.id} />
      <div class="preview-body">
        <p class="preview-head">
          <strong>{post.author.username ? `@${post.author.username}` : 'Unknown author'}</strong>{' '}
          {post.permalink && (
            <a href={post.permalink} target="_blank" rel="noopener noreferrer">
              Open on Instagram
            </a>
          )}
        </p>
        {!post.author.username && (
          <p class="muted unknown-author">
            Unknown author: Instagram does not say who posted what it finds by hashtag. Open the post on Instagram to see the account; rights can still be
            requested, and the author's own reply names them.
          </p>
        )}
        <MediaIssues post={post} key={post.id} />
        <p class="caption">{post.caption}</p>
        {post.moderation.ruleId && <RuleNote post={post} rules={rules} canModerate={canModerate} />}
        {post.media.some((m) => m.type === 'video' && !m.videoUrl) && <p class="muted">Instagram gives no file for this video (its audio is licensed): only its cover frame is kept.</p>}
        <dl class="facts">
          <dt>Status</dt>
          <dd>{post.moderation.status}</dd>
          <dt>Public</dt>
          <dd data-public={post.isPublic}>{publicAnswer(post, galleryCount, now())}</dd>
          <dt>Sources</dt>
          <dd>{post.sources.length > 0 ? <SourceBadges post={post} /> : '—'}</dd>
          <dt>Products</dt>
          <dd>{post.productCount}</dd>
          <dt>Published</dt>
          <dd>{new Date(post.publishedAt).toLocaleString()}</dd>
          {post.sourceDeleted && (
            <>
              <dt>At source</dt>
              <dd>Deleted by the author</dd>
            </>
          )}
        </dl>
        <PostRights post={post} canAsk={canAsk} onAsk={() => openAsking([post.id])} />
        <div class="actions">
          {canModerate &&
            ACTIONS.filter((a) => a.status !== post.moderation.status).map((action) => (
              <button type="button" key={action.status} class={`action-${action.status}`} onClick={() => void moderate(action.status, [post.id])}>
                {action.label} <kbd>{action.key}</kbd>
              </button>
            ))}
          {canModerate && post.moderation.status !== 'pending' && !post.moderation.ruleId && (
            <button type="button" onClick={() => void moderate('pending', [post.id])}>
              Put back in the queue <kbd>p</kbd>
            </button>
          )}
          <button type="button" onClick={() => void openDetail(post.id)}>
            Details <kbd>Enter</kbd>
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
  const verb = post.moderation.status === 'approved' ? 'Approved' : post.moderation.status === 'pending' ? 'Decided' : 'Filtered';
  return (
    <div class="rule-note" role="note">
      <p>
        <strong>
          {verb} by the rule {rule ? `“${RULE_KINDS[rule.kind].label}: ${rule.value}”` : '(since removed)'}
        </strong>
        {post.moderation.at && <span> on {new Date(post.moderation.at).toLocaleString()}</span>}
      </p>
      <p>Why: {post.moderation.reason ?? 'no reason recorded'}</p>
      {canModerate && post.moderation.status !== 'pending' && (
        <button type="button" onClick={() => void moderate('pending', [post.id])}>
          Put back in the queue <kbd>p</kbd>
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
    if (storing) return <p class="muted">The media are still being stored.</p>;
    // Nothing will come (the issues below say why): a placeholder, not a wait.
    return (
      <div class="preview-media">
        <div class="media" style={{ aspectRatio: '4 / 5' }}>
          <VideoMark label="Nothing to show: see why below" />
        </div>
      </div>
    );
  }
  return (
    <div class="preview-media">
      <MediaImage media={media} width={640} playable />
      {post.media.length > 1 && (
        <div class="strip" role="group" aria-label={`Carousel, ${post.media.length} items`}>
          {post.media.map((child, index) => (
            <button type="button" key={child.id} aria-pressed={index === shown} aria-label={`Item ${index + 1}`} onClick={() => setShown(index)}>
              <MediaImage media={child} width={120} />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
