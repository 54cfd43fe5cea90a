import { useState } from 'preact/hooks';
import type { AdminPost } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { reloadPost } from '../../stores/inbox.ts';

/** One media not stored, in words: which item, and what is happening to it or why it gave up. */
export function issueText(issue: AdminPost['mediaIssues'][number], count: number): string {
  const which = count > 1 ? `Item ${issue.position + 1} (${issue.type})` : issue.type === 'video' ? 'The video' : 'The image';
  if (issue.status === 'pending') return `${which} is being stored${issue.error ? `; the last try failed: ${issue.error}` : ''}.`;
  return `${which} could not be stored: ${issue.error ?? 'no reason was recorded'}.`;
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
      setResult(`Downloading ${retried === 1 ? 'it' : `${retried} items`} again: the preview shows ${retried === 1 ? 'it' : 'them'} once stored.`);
      await reloadPost(post.id);
    } catch (error) {
      setResult(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="media-issues" aria-label="Media not stored">
      <ul>
        {post.mediaIssues.map((issue) => (
          <li key={issue.position} data-status={issue.status}>
            {issueText(issue, post.mediaIssues.length)}
          </li>
        ))}
      </ul>
      {failed && (
        <button type="button" onClick={() => void retry()} disabled={busy}>
          Retry
        </button>
      )}
      <p role="status">{result}</p>
    </section>
  );
}
