import { useState } from 'preact/hooks';
import type { AdminPost, AdminPostDetail } from '../../shared/admin-types.ts';
import type { RightsRequest } from '../api.ts';
import { markSent, rightsOf, type RightsView } from '../stores/rights.ts';
import { CopyField } from './copy-field.tsx';

/** What each state of a post's rights is called, wherever the panel shows it. */
export const RIGHTS_LABELS: Record<RightsView, string> = {
  none: 'Not requested',
  requested: 'Requested',
  author_replied: 'Author replied',
  granted: 'Granted',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

export const REQUEST_STATUS_LABELS: Record<RightsRequest['status'], string> = {
  draft: 'Not sent yet',
  sent: 'Sent',
  author_replied: 'Author replied',
  granted: 'Granted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

const CONSENT_CHANNELS: Record<string, string> = {
  comment_reply: 'a reply on Instagram',
  rights_page: 'the rights page',
  panel: 'the panel',
  import: 'an import',
};
/** How a grant was tied to its author: only the account proves who agreed. */
export const VERIFICATIONS: Record<'account' | 'page', string> = { account: 'from the author’s own Instagram account', page: 'confirmed on the page only' };
export const consentChannel = (channel: string) => CONSENT_CHANNELS[channel] ?? channel.replace(/_/g, ' ');

export const CONSENT_KINDS: Record<AdminPostDetail['consent'][number]['kind'], string> = { granted: 'Granted', declined: 'Declined', withdrawn: 'Withdrawn' };

export const day = (iso: string) => new Date(iso).toLocaleDateString();
export const moment = (iso: string) => new Date(iso).toLocaleString();

/** The rights in a few words, with the end date when there is one. */
export function rightsSummary(post: Pick<AdminPost, 'rights'>): string {
  const view = rightsOf(post);
  const { expiresAt } = post.rights;
  if (post.rights.erasureDueAt) return `Erasure requested: media deleted on ${day(post.rights.erasureDueAt)}`;
  if (view === 'granted' && post.rights.verification === 'awaiting') return 'Agreed on the rights page; waiting for the author’s reply from their Instagram account';
  if (view === 'granted') return expiresAt ? `Granted until ${day(expiresAt)}` : 'Granted, with no end date';
  if (view === 'expired' && expiresAt) return `Expired on ${day(expiresAt)}`;
  return RIGHTS_LABELS[view];
}

export function RightsBadge({ post }: { post: Pick<AdminPost, 'rights'> }) {
  const view = rightsOf(post);
  return <span class={`badge rights-${view}`}>{view === 'none' ? 'Rights not requested' : `Rights ${RIGHTS_LABELS[view].toLowerCase()}`}</span>;
}

/**
 * One request's way to the author. Vitrine itself replied on Instagram when the post @mentioned
 * the brand; for every other post (hashtag, tagged, uploads) Instagram allows no comment from the
 * API, so the merchandiser pastes the message under the post and says it is sent.
 */
export function RequestDelivery({ request, author, canAct }: { request: RightsRequest; author?: string | null; canAct: boolean }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  if (request.channel === 'api_comment') {
    return (
      <p class="delivery" data-request-id={request.id}>
        Sent as a reply on Instagram{request.sentAt && ` on ${moment(request.sentAt)}`}.
        {request.awaitingVerification && ' The author agreed on the page; waiting for their reply from their Instagram account.'}
      </p>
    );
  }
  const who = author ? ` to @${author}` : '';
  if (request.status !== 'draft') {
    return (
      <p class="delivery" data-request-id={request.id}>
        Sent by {request.sentVia === 'direct_message' ? 'direct message' : 'hand'}
        {who}
        {request.sentAt && ` on ${moment(request.sentAt)}`}.
        {request.awaitingVerification && ' The author agreed on the page; waiting for their reply from their Instagram account.'}
      </p>
    );
  }
  // Analysts are told that a request exists, never its message: the link in it is the author's credential.
  const message = request.message;
  if (message === null) {
    return (
      <p class="delivery" data-request-id={request.id}>
        A request is ready to send{who}; its message and link are shown to merchandisers only.
      </p>
    );
  }
  const copyAndOpen = async () => {
    try {
      await navigator.clipboard.writeText(message);
      setNote(request.permalink ? 'Copied. Paste it as a comment on the post, then mark it as sent.' : 'Copied.');
    } catch {
      setNote('Copy failed: select the message and copy it.');
    }
    // Still within the click's activation: browsers let it open a tab.
    if (request.permalink) window.open(request.permalink, '_blank', 'noopener,noreferrer');
  };
  const sent = async (via: 'comment' | 'direct_message') => {
    setBusy(true);
    await markSent(request, via);
    setBusy(false);
  };
  return (
    <div class="assisted stack" data-request-id={request.id}>
      <p class="muted">
        Instagram lets no app comment on this post: send the message{who} yourself, as a comment on the post
        {request.permalink ? '' : ' (it has no link: find it on Instagram)'}. The link in it is signed for this request.
      </p>
      <CopyField label={`Message (${request.language})`} value={message} rows={4} />
      {canAct && (
        <div class="actions">
          <button type="button" onClick={() => void copyAndOpen()}>
            {request.permalink ? 'Copy and open the post' : 'Copy the message'}
          </button>
          <button type="button" class="primary" disabled={busy} onClick={() => void sent('comment')}>
            Mark as sent
          </button>
          <button type="button" disabled={busy} onClick={() => void sent('direct_message')}>
            Sent by direct message
          </button>
        </div>
      )}
      {note && (
        <p class="muted" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
