/**
 * The fair draw, as pure rules anyone can run again (docs/API.md, "The draw"):
 *
 * 1. Commit. When the draw is scheduled, a seed of 32 random bytes is made (`newSeed`, written as
 *    64 lowercase hex characters) and kept sealed; `seedHash`, the SHA-256 of those 64 characters,
 *    is published at once.
 * 2. Eligibility (`eligibleEntries`). An entry counts if, at the draw's time, its post is public
 *    (approved, consent granted, verified and not expired, not withdrawn, not deleted or erased:
 *    posts/publicness.ts), it was posted within the campaign's dates (both ends included), and its
 *    author is known (a submission's author: the email address that confirmed it). Each author keeps their earliest `entriesPerAuthor` entries (by post time,
 *    then id). The eligible ids are listed in canonical order: ascending by id.
 * 3. Pick (`drawWinners`). Each eligible id gets the ticket HMAC-SHA256(key = the seed's 64 hex
 *    characters, message = the id), in hex; the winners are the `winnerCount` lowest tickets (ties,
 *    which SHA-256 makes practically impossible, go to the lower id). The seed is then revealed.
 *
 * With the revealed seed and the published list, `printf %s "$SEED" | sha256sum` checks the
 * commitment and `printf %s "$ID" | openssl dgst -sha256 -hmac "$SEED"` gives each ticket.
 */
import { sha256Hex } from '../../security/hash.ts';
import { hmacSha256Hex } from '../../security/tokens.ts';
import { isPublicPost, type PublicnessFacts } from '../posts/publicness.ts';

export interface DrawEntry extends PublicnessFacts {
  id: string;
  publishedAt: number;
  authorIgId: string | null;
  authorUsername: string | null;
  /** A submission's entrant: the keyed hash of the email address that confirmed it (null for collected posts). */
  entrantKey?: string | null;
}

export interface DrawSettings {
  startsAt: number;
  endsAt: number;
  entriesPerAuthor: number;
}

export type Refusal = 'not_public' | 'outside_dates' | 'no_author' | 'over_author_limit';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Who an entry belongs to: a submission's confirmed email (the handle typed with it is not
 * verified, so it cannot say who entered), else the Instagram account id when known, else the
 * handle (case-insensitive).
 */
function authorKey(entry: DrawEntry): string | null {
  if (entry.entrantKey) return `email:${entry.entrantKey}`;
  if (entry.authorIgId) return `ig:${entry.authorIgId}`;
  if (entry.authorUsername) return `u:${entry.authorUsername.toLowerCase()}`;
  return null;
}

/** Which entries the draw at `at` counts, in canonical order, and why each other one does not. */
export function eligibleEntries(entries: readonly DrawEntry[], settings: DrawSettings, at: number): { eligible: string[]; refused: { id: string; reason: Refusal }[] } {
  const refused: { id: string; reason: Refusal }[] = [];
  const byAuthor = new Map<string, DrawEntry[]>();
  for (const entry of entries) {
    const author = authorKey(entry);
    if (!isPublicPost(entry, at)) refused.push({ id: entry.id, reason: 'not_public' });
    else if (entry.publishedAt < settings.startsAt || entry.publishedAt > settings.endsAt) refused.push({ id: entry.id, reason: 'outside_dates' });
    else if (author === null) refused.push({ id: entry.id, reason: 'no_author' });
    else byAuthor.set(author, [...(byAuthor.get(author) ?? []), entry]);
  }
  const eligible: string[] = [];
  for (const own of byAuthor.values()) {
    own.sort((a, b) => a.publishedAt - b.publishedAt || byId(a.id, b.id));
    own.forEach((entry, i) => (i < settings.entriesPerAuthor ? eligible.push(entry.id) : refused.push({ id: entry.id, reason: 'over_author_limit' })));
  }
  return { eligible: eligible.sort(byId), refused: refused.sort((a, b) => byId(a.id, b.id)) };
}

/** 32 random bytes as 64 lowercase hex characters. */
export function newSeed(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The commitment published before the draw. */
export const seedHash = (seed: string) => sha256Hex(seed);

/** Each entry's ticket under the seed, lowest first: the draw's full order. */
export async function drawOrder(seed: string, eligibleIds: readonly string[]): Promise<{ id: string; ticket: string }[]> {
  const tickets = await Promise.all(eligibleIds.map(async (id) => ({ id, ticket: await hmacSha256Hex(seed, id) })));
  return tickets.sort((a, b) => byId(a.ticket, b.ticket) || byId(a.id, b.id));
}

/** The winners, in rank order: the `count` lowest tickets (fewer when fewer entries are eligible). */
export async function drawWinners(seed: string, eligibleIds: readonly string[], count: number): Promise<string[]> {
  return (await drawOrder(seed, [...new Set(eligibleIds)])).slice(0, count).map((t) => t.id);
}
