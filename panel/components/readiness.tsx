import { useEffect, useState } from 'preact/hooks';
import type { GettingStarted } from '../../shared/admin-types.ts';
import { api } from '../api.ts';

/**
 * What the workspace has ready (the getting-started steps) and whether the links it makes can
 * be opened from outside, read from the server on mount; null until known or when it cannot be
 * read (the forms that use it work as before without it).
 */
export function useReadiness(): GettingStarted | null {
  const [answer, setAnswer] = useState<GettingStarted | null>(null);
  useEffect(() => {
    api.gettingStarted().then(setAnswer, () => setAnswer(null));
  }, []);
  return answer;
}

/** Said where links are made (rights requests, the embed code), before one goes out that nobody can open. */
export function PublicAddressWarning({ problem }: { problem: string }) {
  return (
    <p class="warning public-address" role="note">
      {problem}
    </p>
  );
}
