/** What every report is asked: a workspace, an inclusive range of UTC days, maybe one gallery. */
export interface ReportQuery {
  workspaceId: string;
  from: string;
  to: string;
  galleryId: string | null;
  /** The workspace's `confirmedOrdersOnly`: order figures count server-confirmed orders only. */
  confirmedOnly: boolean;
}

const DAY = 86_400_000;

/** The range as epoch milliseconds: [start of `from`, start of the day after `to`). */
export function rangeMs(q: ReportQuery): { start: number; end: number } {
  return { start: Date.parse(`${q.from}T00:00:00Z`), end: Date.parse(`${q.to}T00:00:00Z`) + DAY };
}

/** Every day of the range, in order, so a series has no gaps. */
export function daysOf(q: ReportQuery): string[] {
  const { start, end } = rangeMs(q);
  const days: string[] = [];
  for (let t = start; t < end; t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
