import { useState } from 'preact/hooks';
import type { AdminPost } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { reloadPost } from '../../stores/inbox.ts';
import { t } from '../../i18n/i18n.ts';

/** One media not stored, in words: which item, and what is happening to it or why it gave up. */
export function issueText(issue: AdminPost['mediaIssues'][number], count: number): string {
  const which =
    count > 1 ? t('issues.item', { n: issue.position + 1, type: t(issue.type === 'video' ? 'issues.video' : 'issues.image') }) : issue.type === 'video' ? t('issues.theVideo') : t('issues.theImage');
  if (issue.status === 'pending') return issue.error ? t('issues.storingRetry', { which, reason: issue.error }) : t('issues.storing', { which });
  return t('issues.failed', { which, reason: issue.error ?? t('issues.noReason') });
}

/**
 * The post's media that are not stored, each with why, and a Retry for those that gave up. A
 * refusal (nothing Instagram gave can be downloaded) reads as the server's sentence.
 */
export function MediaIssues({ post }: { post: AdminPost }) {
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (post.mediaIssues.length === 0) return null;
  const failed = post.mediaIssues.some((issue) => issue.status === 'failed');
  const retry = async () => {
    setBusy(true);
    try {
      const { retried } = await api.retryMedia(post.id);
      setResult(retried === 1 ? t('issues.retryingOne') : t('issues.retrying', { count: retried }));
      await reloadPost(post.id);
    } catch (error) {
      setResult(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="media-issues" aria-label={t('issues.label')}>
      <ul>
        {post.mediaIssues.map((issue) => (
          <li key={issue.position} data-status={issue.status}>
            {issueText(issue, post.mediaIssues.length)}
          </li>
        ))}
      </ul>
      {failed && (
        <button type="button" onClick={() => void retry()} disabled={busy}>
          {t('common.retry')}
        </button>
      )}
      <p role="status">{result}</p>
    </section>
  );
}
