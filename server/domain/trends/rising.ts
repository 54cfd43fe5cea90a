/**
 * Which terms rise: each term's count of posts in the range against the same length of time just
 * before it. Ranked by how many more posts use it now, then by the ratio (smoothed by one, so a
 * term new with 2 posts does not outrank one that went from 10 to 40), then alphabetically, so
 * the same data always gives the same list. A term needs a few posts now to count at all.
 */
export interface RisingTerm {
  term: string;
  count: number;
  previous: number;
  /** (count + 1) / (previous + 1): above 1 rises, rounded to two decimals. */
  growth: number;
}

export function risingTerms(current: Map<string, number>, previous: Map<string, number>, { limit, minCount }: { limit: number; minCount: number }): RisingTerm[] {
  const rows: RisingTerm[] = [];
  for (const [term, count] of current) {
    const before = previous.get(term) ?? 0;
    if (count < minCount || count <= before) continue;
    rows.push({ term, count, previous: before, growth: Math.round(((count + 1) / (before + 1)) * 100) / 100 });
  }
  return rows.sort((a, b) => b.count - b.previous - (a.count - a.previous) || b.growth - a.growth || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)).slice(0, limit);
}

/** Counts each term once per list it appears in. */
export function countTerms(lists: Iterable<string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of lists) for (const term of list) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
