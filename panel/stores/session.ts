import { atom } from 'nanostores';
import type { Role, SessionView } from '../../shared/admin-types.ts';

/** The signed-in session: undefined while the panel asks the server, null when signed out. */
export const $session = atom<SessionView | null | undefined>(undefined);

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
