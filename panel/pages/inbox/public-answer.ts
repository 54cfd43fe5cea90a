/**
 * The inbox's answer to "do shoppers see this post?", with the reasons when they don't: a bare
 * "No" leaves the merchandiser guessing which of approval, rights or storage is missing. The
 * server decides publicness (`isPublic`); this only explains it from the same facts.
 */
import { stillStoring } from '../../components/media.tsx';
import type { AdminPost, RightsStatus } from '../../../shared/admin-types.ts';

const MODERATION: Record<string, string> = {
  pending: 'it waits for approval',
  rejected: 'it was rejected',
  hidden: 'it is hidden',
};

const RIGHTS: Record<RightsStatus, string> = {
  none: 'its author has not been asked for rights',
  requested: 'its author has not answered the rights request',
  author_replied: 'its author replied, but the grant is not complete',
  granted: '',
  declined: 'its author declined the rights request',
  withdrawn: 'its author withdrew consent',
};

/** Why shoppers do not see the post, in the order the merchandiser can act on. */
export function hiddenBecause(post: AdminPost, now: number): string[] {
  const reasons: string[] = [];
  const moderation = MODERATION[post.moderation.status];
  if (moderation) reasons.push(moderation);
  // An erasure its author asked for outranks everything: the post will not come back.
  if (post.rights.erasureDueAt) reasons.push(`erasure requested: its media and text are deleted on ${post.rights.erasureDueAt.slice(0, 10)}`);
  else if (post.rights.status !== 'granted') reasons.push(RIGHTS[post.rights.status]);
  else if (post.rights.expiresAt && Date.parse(post.rights.expiresAt) <= now) reasons.push(`its rights ended on ${post.rights.expiresAt.slice(0, 10)}`);
  else if (post.rights.verification === 'awaiting') reasons.push('its author agreed on the rights page, but has not yet confirmed from their Instagram account');
  if (post.sourceDeleted) reasons.push('its author deleted it on Instagram');
  if (post.media.length === 0) {
    const waiting = post.mediaIssues.length === 0 || stillStoring(post);
    reasons.push(waiting ? 'its media are not stored yet' : 'none of its media could be stored');
  }
  return reasons;
}

/**
 * "Yes", qualified when no gallery exists yet (a public post is shown only through a gallery);
 * otherwise "No: …" with every reason. `galleryCount` is null while it is unknown.
 */
export function publicAnswer(post: AdminPost, galleryCount: number | null, now: number): string {
  if (post.isPublic) {
    return galleryCount === 0 ? 'Ready, but no gallery shows it yet: create one in Galleries' : 'Yes, shoppers see it in the galleries whose filters it matches';
  }
  const reasons = hiddenBecause(post, now);
  // The server said no for a reason these facts do not show (e.g. erased at the author's request).
  return reasons.length > 0 ? `No: ${reasons.join('; ')}` : 'No';
}
