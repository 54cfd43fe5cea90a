/**
 * What a report shows, kept in the page's URL (`/panel/reports?from=…&to=…&galleryId=…&top=…`)
 * so a view can be shared and survives a reload: the API's own parameters, UTC days inclusive.
 */
import type { TopDimension } from '../../../shared/report-types.ts';

export interface ReportFilters {
  /** YYYY-MM-DD, UTC, inclusive. */
  from: string;
  to: string;
  /** Empty: every gallery. */
  galleryId: string;
  /** Which top list is shown. */
  top: TopDimension;
}

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TOPS: readonly TopDimension[] = ['post', 'product', 'gallery'];

export const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const validDay = (day: string | undefined): day is string => !!day && DAY.test(day) && isoDay(Date.parse(`${day}T00:00:00Z`) || 0) === day;

/** The `days` UTC days that end today, as the API's default range (30 days). */
export function lastDays(days: number, now: number): Pick<ReportFilters, 'from' | 'to'> {
  return { from: isoDay(now - (days - 1) * DAY_MS), to: isoDay(now) };
}

/** The filters a URL's search asks for; what is missing or malformed falls back to the last 30 days, every gallery, top posts. */
export function filtersFromSearch(search: Record<string, string>, now: number): ReportFilters {
  const range = validDay(search.from) && validDay(search.to) && search.from <= search.to ? { from: search.from, to: search.to } : lastDays(30, now);
  const top = TOPS.find((dimension) => dimension === search.top) ?? 'post';
  return { ...range, galleryId: /^[\w-]{1,64}$/.test(search.galleryId ?? '') ? search.galleryId! : '', top };
}

/** The URL search of these filters: only what differs from nothing (an empty gallery is left out). */
export function searchOf(filters: ReportFilters): Record<string, string> {
  const { galleryId, ...rest } = filters;
  return galleryId ? { ...rest, galleryId } : { ...rest };
}

/** The API's query string for a report of these filters, plus `extra`. */
export function reportQuery(filters: ReportFilters, extra: Record<string, string | number> = {}): string {
  const search = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.galleryId) search.set('galleryId', filters.galleryId);
  for (const [name, value] of Object.entries(extra)) search.set(name, String(value));
  return `?${search}`;
}

/** The trends' query string: the range only, since trends cover the whole workspace (the API refuses `galleryId`). */
export const trendsQuery = ({ from, to }: Pick<ReportFilters, 'from' | 'to'>): string => `?${new URLSearchParams({ from, to })}`;

/** How many days the range covers. */
export const rangeDays = ({ from, to }: Pick<ReportFilters, 'from' | 'to'>) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** Every UTC day of the range, in order: the chart's axis, whatever days the series skips. */
export function daysOf({ from, to }: Pick<ReportFilters, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let time = Date.parse(from); time <= Date.parse(to) && days.length < 3660; time += DAY_MS) days.push(isoDay(time));
  return days;
}
