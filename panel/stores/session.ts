import { atom } from 'nanostores';
import type { Role, SessionView } from '../../shared/admin-types.ts';

/** The signed-in session: undefined while the panel asks the server, null when signed out. */
export const $session = atom<SessionView | null | undefined>(undefined);

/** What a role may change; the server enforces the same split, this only hides what would fail. */
export type Ability = 'moderate' | 'curate' | 'collect' | 'rights' | 'configure';

const ABILITIES: Record<Role, readonly Ability[]> = {
  owner: ['moderate', 'curate', 'collect', 'rights', 'configure'],
  merchandiser: ['moderate', 'curate', 'collect', 'rights'],
  analyst: [],
};

export function can(session: SessionView | null | undefined, ability: Ability): boolean {
  return session ? ABILITIES[session.role].includes(ability) : false;
}
