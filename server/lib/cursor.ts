/**
 * Opaque keyset cursors for "newest first" lists: the position is (time, id) of the last row
 * seen, so pages stay stable while new rows arrive and each costs one index seek. Lists whose
 * order is not a stored key (manual order, best performing) page by offset instead.
 */
export type Cursor = { kind: 'key'; at: number; id: string } | { kind: 'offset'; offset: number };

export class InvalidCursorError extends Error {}

export function encodeCursor(cursor: Cursor): string {
  return base64UrlEncode(cursor.kind === 'key' ? `${cursor.at}:${cursor.id}` : `o:${cursor.offset}`);
}

export function decodeCursor(value: string): Cursor {
  let text: string;
  try {
    text = base64UrlDecode(value);
  } catch {
    throw new InvalidCursorError('cursor is not valid base64url');
  }
  const offset = /^o:(\d{1,7})$/.exec(text);
  if (offset) return { kind: 'offset', offset: Number(offset[1]) };
  const key = /^(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!key) throw new InvalidCursorError('cursor does not come from a previous page');
  return { kind: 'key', at: Number(key[1]), id: key[2]! };
}

function base64UrlEncode(text: string): string {
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function base64UrlDecode(value: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new Error('not base64url');
  const padded = value.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (value.length % 4)) % 4);
  return atob(padded);
}
