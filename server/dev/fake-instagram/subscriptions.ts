/**
 * What Meta delivers, and when (reference/platforms-2026.md): nothing at all until the brand's
 * Page has subscribed the app (`POST /{page-id}/subscribed_apps`); nothing for media whose owner
 * is private; `comments` only for the brand's own media; a comment elsewhere that @mentions the
 * brand comes as `mentions` with `comment_id` (to be read back with `mentioned_comment`).
 */
import type { GraphCall, Json } from './call.ts';
import { graphErrors } from './errors.ts';
import type { FakeComment, FakeMedia } from './types.ts';
import { commentChange, mentionChange, type WebhookChange } from './webhooks.ts';

export function createSubscriptions() {
  const fields = new Set<string>();
  return {
    /** `POST /{page-id}/subscribed_apps?subscribed_fields=feed` → `{"success": true}`. */
    subscribe(call: GraphCall): Json {
      const wanted = call.params.subscribed_fields;
      if (!wanted) throw graphErrors.missingParam('subscribed_fields');
      for (const field of wanted.split(',')) if (field.trim()) fields.add(field.trim());
      return { success: true };
    },
    get active(): boolean {
      return fields.size > 0;
    },
  };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;

/** The notification Meta sends for a new comment on `media`, or null when it sends none. */
export function commentNotification(media: FakeMedia, comment: FakeComment, mentionsBrand: boolean): WebhookChange | null {
  if (media.privateAccount) return null;
  if (media.own) return commentChange(comment, media.mediaType === 'VIDEO' ? 'REELS' : 'FEED');
  return mentionsBrand ? mentionChange(media.id, comment.id) : null;
}
