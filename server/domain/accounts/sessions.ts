/**
 * Signed-in sessions. The cookie holds a random token; the database holds only its SHA-256, so
 * a leaked database does not hand out live sessions.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, sessions, users, workspaces, type Role } from '../../db/schema.ts';
import { sha256Hex } from '../../security/hash.ts';
import { hmacSha256Hex, randomToken } from '../../security/tokens.ts';

export const SESSION_TTL_MS = 30 * 24 * 3_600_000;
/** lastSeenAt is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 3_600_000;

export interface SessionAuth {
  sessionIdHash: string;
  userId: string;
  email: string;
  name: string;
  /** The panel language the user chose; null follows the browser's. */
  locale: string | null;
  workspaceId: string;
  workspaceName: string;
  role: Role;
}

export async function createSession(db: Db, userId: string, workspaceId: string, now: number): Promise<{ token: string; expiresAt: number }> {
  const token = randomToken();
  const expiresAt = now + SESSION_TTL_MS;
  await db.insert(sessions).values({ idHash: await sha256Hex(token), userId, workspaceId, createdAt: now, expiresAt, lastSeenAt: now });
  return { token, expiresAt };
}

/**
 * The session a cookie token stands for, with the user's current role in the session's
 * workspace; null when the token is unknown, expired, or the membership was removed.
 */
export async function findSession(db: Db, token: string, now: number): Promise<SessionAuth | null> {
  const idHash = await sha256Hex(token);
  const [row] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(workspaces, eq(workspaces.id, sessions.workspaceId))
    .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.workspaceId, sessions.workspaceId)))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  if (now - row.lastSeenAt > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  const { lastSeenAt: _seen, ...auth } = row;
  return { sessionIdHash: idHash, ...auth };
}

export async function deleteSession(db: Db, sessionIdHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sessionIdHash));
}

/** The CSRF token of a session: derived, never stored, useless without the session cookie. */
export function csrfTokenFor(appSecret: string, sessionIdHash: string): Promise<string> {
  return hmacSha256Hex(appSecret, `csrf:${sessionIdHash}`);
}
