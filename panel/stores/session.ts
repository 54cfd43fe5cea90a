import { atom } from 'nanostores';
import type { Role, SessionView } from '../../shared/admin-types.ts';
import { followUser } from '../i18n/i18n.ts';

/** The signed-in session: undefined while the panel asks the server, null when signed out. */
export const $session = atom<SessionView | null | undefined>(undefined);

/** A session starts (sign-in, setup, an invitation, a reload): the panel speaks the user's language before it shows them anything. */
export async function startSession(session: SessionView): Promise<void> {
  await followUser(session.user.locale);
  $session.set(session);
}

/** What a role may change; the server enforces the same split, this only hides what would fail. */
export type Ability = 'moderate' | 'curate' | 'collect' | 'rights' | 'configure' | 'reports';

const ABILITIES: Record<Role, readonly Ability[]> = {
  owner: ['moderate', 'curate', 'collect', 'rights', 'configure', 'reports'],
  merchandiser: ['moderate', 'curate', 'collect', 'rights'],
  // Analysts change nothing; reading reports is their job.
  analyst: ['reports'],
};

export function can(session: SessionView | null | undefined, ability: Ability): boolean {
  return session ? ABILITIES[session.role].includes(ability) : false;
}
