/**
 * Opaque keyset cursors for "newest first" lists: the position is (published_at, id) of the
 * last row seen, so pages stay stable while new posts arrive and cost one index seek.
 */
export interface PostCursor {
  publishedAt: number;
  id: string;
}

export class InvalidCursorError extends Error {}

export function encodeCursor(cursor: PostCursor): string {
  return base64UrlEncode(`${cursor.publishedAt}:${cursor.id}`);
}

export function decodeCursor(value: string): PostCursor {
  let text: string;
  try {
    text = base64UrlDecode(value);
  } catch {
    throw new InvalidCursorError('cursor is not valid base64url');
  }
  const match = /^(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match) throw new InvalidCursorError('cursor does not come from a previous page');
  return { publishedAt: Number(match[1]), id: match[2]! };
}

function base64UrlEncode(text: string): string {
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function base64UrlDecode(value: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new Error('not base64url');
  const padded = value.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (value.length % 4)) % 4);
  return atob(padded);
}
