import type { rightsRequests } from '../../db/schema.ts';

type RequestStatus = (typeof rightsRequests.$inferSelect)['status'];

/** Where a rights request stands as its author sees it on the rights page. */
export type RightsPageState = 'ask' | 'granted' | 'withdrawn' | 'declined' | 'erased' | 'link_expired';

/** What the author can do from the page. */
export type AuthorAction = 'grant' | 'decline' | 'withdraw' | 'erase';

/**
 * The facts the page's state is read from: erasure wins over everything, a grant or withdrawal
 * outlives the link (the author can always withdraw), and an open or declined request expires
 * with its link.
 */
export function rightsPageState(facts: { erasedAt: number | null; status: RequestStatus; linkExpiresAt: number }, now: number): RightsPageState {
  if (facts.erasedAt !== null) return 'erased';
  switch (facts.status) {
    case 'granted':
      return 'granted';
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
  withdraw: ['granted'],
  erase: ['granted', 'withdrawn'],
};

export const AUTHOR_ACTIONS = Object.keys(ALLOWED_FROM) as AuthorAction[];

export const isAuthorAction = (value: string): value is AuthorAction => Object.hasOwn(ALLOWED_FROM, value);

/** Whether the author may give this answer now (a stale or replayed form may not). */
export const mayAnswer = (state: RightsPageState, action: AuthorAction) => ALLOWED_FROM[action].includes(state);
