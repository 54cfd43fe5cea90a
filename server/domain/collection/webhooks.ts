/**
 * Instagram's webhook notifications. The signature is checked over the raw bytes before
 * anything is parsed; Meta retries and duplicates deliveries for up to 36 hours, so each body
 * is processed once (receipts are kept by its hash) and a repeat is answered 200 and ignored.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import { safeJsonEscapes } from '../../../shared/text.ts';
import type { Db } from '../../db/client.ts';
import { instagramConnections, sources, webhookReceipts } from '../../db/schema.ts';
import type { GraphClient } from '../../instagram/client.ts';
import { sha256Hex } from '../../security/hash.ts';
import { hmacSha256Hex, timingSafeEqual } from '../../security/tokens.ts';
import { tokenOf, withExpiry } from './connections.ts';
import { ingestMedia } from './ingest.ts';
import { normalizeMedia } from './normalize.ts';
import type { CommentValue } from '../rights/replies.ts';
import { handleCommentMention, handleOwnMediaComment } from './comment-webhooks.ts';

const RECEIPT_TTL_MS = 48 * 3_600_000;

export async function verifySignature(appSecret: string, rawBody: string, header: string | undefined): Promise<boolean> {
  if (!header?.startsWith('sha256=')) return false;
  return timingSafeEqual(header.slice('sha256='.length).toLowerCase(), await hmacSha256Hex(appSecret, rawBody));
}

interface Notification {
  object?: string;
  entry?: { id?: string; time?: number; changes?: { field?: string; value?: { media_id?: string; comment_id?: string } & CommentValue }[] }[];
}

export interface WebhookOutcome {
  duplicate: boolean;
  mentions: number;
  /** Comments read as answers to rights requests. */
  replies: number;
}

/** Stores the mentioned media of a verified notification; unknown accounts and fields are ignored. */
export async function handleNotification(deps: { db: Db; graph: GraphClient; appSecret: string }, rawBody: string, now: number): Promise<WebhookOutcome> {
  const receipt = await sha256Hex(rawBody);
  const [seen] = await deps.db.select({ id: webhookReceipts.id }).from(webhookReceipts).where(eq(webhookReceipts.id, receipt)).limit(1);
  if (seen) return { duplicate: true, mentions: 0, replies: 0 };

  // Instagram content (comment text) is well-formed, not refused: see docs/API.md "Text".
  const body = JSON.parse(safeJsonEscapes(rawBody)) as Notification;
  let mentions = 0;
  let replies = 0;
  if (body.object === 'instagram') {
    for (const entry of body.entry ?? []) {
      for (const change of entry.changes ?? []) {
        if (!entry.id || !change.value) continue;
        // A comment that @mentions the brand is an answer or nothing, never a new post.
        if (change.field === 'mentions' && change.value.comment_id) {
          if ((await handleCommentMention(deps, entry.id, change.value.comment_id, now)) !== 'ignored') replies++;
        } else if (change.field === 'mentions' && change.value.media_id) mentions += await storeMention(deps, entry.id, change.value.media_id, now);
        if (change.field === 'comments' && (await handleOwnMediaComment(deps.db, entry.id, change.value, entry.time ? entry.time * 1000 : now, now)) !== 'ignored') replies++;
      }
    }
  }
  // The panel shows each account's last delivery: "never" is how a merchant learns the Meta app's webhook is not set up.
  const accounts = [...new Set((body.entry ?? []).map((entry) => entry.id).filter((id): id is string => typeof id === 'string'))];
  if (accounts.length > 0) await deps.db.update(instagramConnections).set({ lastWebhookAt: now }).where(inArray(instagramConnections.igUserId, accounts.slice(0, 100)));
  // Only once handled: if handling fails, Meta's retry gets another chance. A duplicate racing
  // this one stores nothing twice, since a media is one post per workspace.
  await deps.db.insert(webhookReceipts).values({ id: receipt, receivedAt: now }).onConflictDoNothing();
  await deps.db.delete(webhookReceipts).where(lt(webhookReceipts.receivedAt, now - RECEIPT_TTL_MS));
  return { duplicate: false, mentions, replies };
}

async function storeMention(deps: { db: Db; graph: GraphClient; appSecret: string }, igUserId: string, mediaId: string, now: number): Promise<number> {
  const targets = await deps.db
    .select({ connection: instagramConnections, source: sources })
    .from(instagramConnections)
    .innerJoin(sources, and(eq(sources.connectionId, instagramConnections.id), eq(sources.kind, 'mentions'), eq(sources.enabled, true)))
    .where(eq(instagramConnections.igUserId, igUserId));
  let stored = 0;
  for (const { connection, source } of targets) {
    if (withExpiry(connection, now).status !== 'active') continue;
    const token = await tokenOf(deps.appSecret, connection);
    const { body } = await deps.graph.mentionedMedia(connection.igUserId, mediaId, token);
    if (!body.mentioned_media) continue;
    await ingestMedia(deps.db, source.workspaceId, source.id, [normalizeMedia(body.mentioned_media)], now);
    await deps.db.update(sources).set({ lastRunAt: now, lastError: null }).where(eq(sources.id, source.id));
    stored++;
  }
  return stored;
}
