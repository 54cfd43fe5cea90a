/**
 * Visitor, session and event ids. With analytics consent the visitor id lives in localStorage
 * (`vitrine:v`) and the session id in sessionStorage (`vitrine:s`, renewed after 30 minutes
 * idle); without it nothing is written anywhere and events go without either.
 */

export const VISITOR_KEY = 'vitrine:v';
export const SESSION_KEY = 'vitrine:s';
export const SESSION_IDLE_MS = 30 * 60 * 1000;
const VALID = /^[\w-]{8,64}$/;

/** `prefix` and 128 random bits in base 36 (about 26 characters of [a-z0-9]), as the contract allows. */
export function randomId(prefix: string): string {
  return prefix + Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');
}

export interface Identity {
  visitorId: string;
  sessionId: string;
}

/**
 * The stored ids, created or renewed as needed; null when storage is out of reach (blocked
 * cookies make merely reading `localStorage` throw), so the caller uses the page view's ids.
 */
export function storedIdentity(win: Window, now: number): Identity | null {
  try {
    const local = win.localStorage;
    const session = win.sessionStorage;
    let visitorId = local.getItem(VISITOR_KEY) ?? '';
    if (!VALID.test(visitorId)) local.setItem(VISITOR_KEY, (visitorId = randomId('v_')));
    const [id = '', last] = (session.getItem(SESSION_KEY) ?? '').split('.');
    const sessionId = VALID.test(id) && now - Number(last) < SESSION_IDLE_MS ? id : randomId('s_');
    session.setItem(SESSION_KEY, `${sessionId}.${now}`);
    return { visitorId, sessionId };
  } catch {
    return null;
  }
}

/**
 * Consent withdrawn (or `vitrine('forget')`): the stored ids go too, so nothing links later
 * visits to this one. Returns the visitor id that was stored, if any, for the server to erase.
 */
export function forgetIdentity(win: Window): string | null {
  try {
    const stored = win.localStorage.getItem(VISITOR_KEY);
    win.localStorage.removeItem(VISITOR_KEY);
    win.sessionStorage.removeItem(SESSION_KEY);
    return stored;
  } catch {
    // Storage out of reach: there is nothing stored to forget either.
    return null;
  }
}
