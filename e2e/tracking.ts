import { createClient } from '@libsql/client';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunningServer } from './server.ts';

/**
 * Waits until the server has stored a tracking event of `type`, read from its database: the
 * tracker sends its queue 5 s after the first event at the latest (or when the page is left),
 * so this waits on the event itself instead of on a guessed delay. (Playwright does not show a
 * beacon's body, so the request alone cannot tell which events it carries.)
 */
export async function eventStored(server: RunningServer, type: string): Promise<void> {
  const db = createClient({ url: pathToFileURL(join(server.dataDir, 'vitrine.db')).href });
  try {
    const stored = async () => Number((await db.execute({ sql: 'select count(*) as n from events where type = ?', args: [type] })).rows[0]!.n) > 0;
    // Up to 30 s, for a loaded machine.
    for (let polls = 0; !(await stored()); polls++) {
      if (polls === 150) throw new Error(`no ${type} event was stored within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    db.close();
  }
}
