import type { RightsVerification, rightsRequests } from '../../db/schema.ts';

type RequestStatus = (typeof rightsRequests.$inferSelect)['status'];

/**
 * Where a rights request stands as its author sees it on the rights page. `verify`: agreed on the
 * page, waiting for the author's reply from their account; `erasure_pending`: erasure asked
 * through the link, held until the author is verified or the hold ends.
 */
export type RightsPageState = 'ask' | 'granted' | 'verify' | 'withdrawn' | 'declined' | 'erased' | 'erasure_pending' | 'link_expired';

/** What the author can do from the page. */
export type AuthorAction = 'grant' | 'decline' | 'withdraw' | 'erase';

export interface RightsPageFacts {
  erasedAt: number | null;
  erasureDueAt: number | null;
  status: RequestStatus;
  rightsVerification: RightsVerification | null;
  linkExpiresAt: number;
}

/**
 * The facts the page's state is read from: erasure (done, then asked) wins over everything, a
 * grant or withdrawal outlives the link (the author can always withdraw), a grant typed on the
 * page waits for the author's account, and an open or declined request expires with its link.
 */
export function rightsPageState(facts: RightsPageFacts, now: number): RightsPageState {
  if (facts.erasedAt !== null) return 'erased';
  if (facts.erasureDueAt !== null) return 'erasure_pending';
  switch (facts.status) {
    case 'granted':
      return facts.rightsVerification === 'awaiting' ? 'verify' : 'granted';
    case 'withdrawn':
      return 'withdrawn';
    default:
      if (facts.linkExpiresAt <= now) return 'link_expired';
      return facts.status === 'declined' ? 'declined' : 'ask';
  }
}

/** From which states each answer may be given: a declined author may still change their mind. */
const ALLOWED_FROM: Record<AuthorAction, readonly RightsPageState[]> = {
  grant: ['ask', 'declined'],
  decline: ['ask'],
  withdraw: ['granted', 'verify'],
  erase: ['granted', 'verify', 'withdrawn'],
};

export const AUTHOR_ACTIONS = Object.keys(ALLOWED_FROM) as AuthorAction[];

export const isAuthorAction = (value: string): value is AuthorAction => Object.hasOwn(ALLOWED_FROM, value);

/** Whether the author may give this answer now (a stale or replayed form may not). */
export const mayAnswer = (state: RightsPageState, action: AuthorAction) => ALLOWED_FROM[action].includes(state);
