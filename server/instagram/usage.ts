/**
 * Reads the Graph API's usage headers: `X-App-Usage` (platform rate limit, percentages) and
 * `X-Business-Use-Case-Usage` (Instagram's BUC limit, with `estimated_time_to_regain_access` in
 * minutes). Vitrine slows down before a limit and, once throttled, waits as long as it is told.
 */
export interface Usage {
  /** The highest of the reported percentages, 0..100 (or more). */
  percent: number;
  /** How long the API says access is lost for, in ms; 0 when it did not say. */
  regainAccessMs: number;
}

export function readUsage(headers: Headers): Usage {
  let percent = 0;
  let regainMinutes = 0;
  const app = parseJson(headers.get('x-app-usage'));
  if (isRecord(app)) percent = Math.max(percent, ...numbers(app, ['call_count', 'total_cputime', 'total_time']));
  const buc = parseJson(headers.get('x-business-use-case-usage'));
  if (isRecord(buc)) {
    for (const entries of Object.values(buc)) {
      for (const entry of Array.isArray(entries) ? entries : []) {
        if (!isRecord(entry)) continue;
        percent = Math.max(percent, ...numbers(entry, ['call_count', 'total_cputime', 'total_time']));
        regainMinutes = Math.max(regainMinutes, ...numbers(entry, ['estimated_time_to_regain_access']));
      }
    }
  }
  return { percent, regainAccessMs: regainMinutes * 60_000 };
}

function parseJson(value: string | null): unknown {
  if (!value) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const numbers = (record: Record<string, unknown>, keys: string[]) => keys.map((k) => record[k]).filter((v): v is number => typeof v === 'number');
