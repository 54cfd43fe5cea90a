import { runScript } from '../run-script.ts';
import type { Section } from '../section.ts';
import { is, target } from '../targets.ts';

/** The panel's inbox at 10,000 posts, through the real app in-process. */
export const inbox: Section = async () => {
  const inbox = runScript('./inbox.ts', ['10000']) as { firstPage: { p95: number }; search: { p95: number } };
  return {
    results: { inbox_10k_first_page_p95_ms: inbox.firstPage.p95, inbox_10k_search_p95_ms: inbox.search.p95 },
    targets: { inbox_10k_first_page_p95_ms: target(is('<', 50)), inbox_10k_search_p95_ms: target(is('<', 50)) },
    notes: ['Inbox: 10,000 posts in the workspace, 200 requests each through the real app in-process (session, CSRF and role middleware included).'],
  };
};
