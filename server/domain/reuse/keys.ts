/**
 * The secret URLs of the reuse feeds. A token is base64url(`<workspace id>.<feed>.<mac>`), the MAC
 * being HMAC-SHA256 under the app secret over the workspace, the feed and the feed's nonce, cut
 * to 128 bits. Nothing secret is stored: the nonce only makes rotation possible. A feed never
 * rotated signs over the empty nonce (no row, so reading the URLs writes nothing); a rotation
 * stores a fresh random nonce and every URL made before stops matching.
 */
import { and, eq } from 'drizzle-orm';
import type { AdminReuseFeeds } from '../../../shared/admin-types.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { galleries, REUSE_FEEDS, reuseKeys, type ReuseFeed } from '../../db/schema.ts';
import { hmacSha256Hex, randomToken, timingSafeEqual } from '../../security/tokens.ts';
import { auditStatement } from '../audit/audit.ts';

export type { ReuseFeed };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

const toBase64Url = (text: string) => btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

async function mac(appSecret: string, workspaceId: string, feed: ReuseFeed, nonce: string): Promise<string> {
  return (await hmacSha256Hex(appSecret, `reuse-feed:${workspaceId}|${feed}|${nonce}`)).slice(0, 32);
}

async function nonceOf(db: Db, workspaceId: string, feed: ReuseFeed): Promise<{ nonce: string; rotatedAt: number | null }> {
  const [row] = await db.select({ nonce: reuseKeys.nonce, rotatedAt: reuseKeys.rotatedAt }).from(reuseKeys).where(and(eq(reuseKeys.workspaceId, workspaceId), eq(reuseKeys.feed, feed))).limit(1);
  return row ?? { nonce: '', rotatedAt: null };
}

async function tokenFor(appSecret: string, workspaceId: string, feed: ReuseFeed, nonce: string): Promise<string> {
  return toBase64Url(`${workspaceId}.${feed}.${await mac(appSecret, workspaceId, feed, nonce)}`);
}

/** The workspace a token opens `feed` of, or null: malformed, another feed's, forged or rotated. */
export async function verifyReuseToken(db: Db, appSecret: string, token: string, feed: ReuseFeed): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  let decoded: string;
  try {
    decoded = atob(token.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return null;
  }
  const [workspaceId = '', tokenFeed, presented = '', ...rest] = decoded.split('.');
  if (rest.length > 0 || tokenFeed !== feed || !ID.test(workspaceId)) return null;
  const { nonce } = await nonceOf(db, workspaceId, feed);
  return timingSafeEqual(presented, await mac(appSecret, workspaceId, feed, nonce)) ? workspaceId : null;
}

/** The panel's list: the ads feed's URL, and the email block's URL for each gallery. */
export async function listReuseFeeds(db: Db, appSecret: string, workspaceId: string, origin: string): Promise<AdminReuseFeeds> {
  const [ads, email] = await Promise.all(REUSE_FEEDS.map((feed) => nonceOf(db, workspaceId, feed)));
  const adsToken = await tokenFor(appSecret, workspaceId, 'ads', ads!.nonce);
  const emailToken = await tokenFor(appSecret, workspaceId, 'email', email!.nonce);
  const rows = await db.select({ id: galleries.id, name: galleries.name }).from(galleries).where(eq(galleries.workspaceId, workspaceId)).orderBy(galleries.name);
  const at = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    ads: { url: `${origin}/v1/reuse/${adsToken}/ads.tsv`, rotatedAt: at(ads!.rotatedAt) },
    email: {
      rotatedAt: at(email!.rotatedAt),
      galleries: rows.map((g) => ({ id: g.id, name: g.name, url: `${origin}/v1/reuse/${emailToken}/galleries/${g.id}/email.html?limit=6` })),
    },
  };
}

/** A fresh nonce for `feed`: its old URL answers 404 from the next request on. */
export async function rotateReuseKey(db: Db, actor: { workspaceId: string; userId: string }, feed: ReuseFeed, now: number): Promise<void> {
  const nonce = randomToken(16);
  await runBatch(db, [
    db.insert(reuseKeys).values({ workspaceId: actor.workspaceId, feed, nonce, rotatedAt: now }).onConflictDoUpdate({ target: [reuseKeys.workspaceId, reuseKeys.feed], set: { nonce, rotatedAt: now } }),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'reuse.rotated', targetType: 'reuse_feed', targetId: feed, after: { feed }, at: now }),
  ]);
}
