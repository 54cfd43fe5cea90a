/**
 * Rate-limit accounting and the usage headers every Graph response carries (§1.8).
 * - Hashtag Search (like Business Discovery) falls under Platform Rate Limits: "Calls within one
 *   hour = 200 * Number of Users", reported in `X-App-Usage`. The fake's app has one user.
 * - Other Instagram calls fall under Business Use Case limits: "Calls within 24 hours = 4800 *
 *   Number of Impressions", reported in `X-Business-Use-Case-Usage` keyed by the business object.
 * Percentages are rounded up, so the first call already shows 1%. Reaching 100% throttles the
 * next call organically (code 4, or 80002 for BUC), as the real API does.
 */
import type { Clock } from './types.ts';
import { graphErrors, type GraphError, type ThrottleCode } from './errors.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.ts';

export type UsageBucket = 'platform' | 'business';

interface Window {
  calls: number[];
  limit: number;
  spanMs: number;
}

interface ManualThrottle {
  code: ThrottleCode;
  callsLeft: number | undefined;
  until: number | undefined;
}

export interface ThrottleOptions {
  code: ThrottleCode;
  /** How many calls fail; with `forMs` too, the throttle lifts when either runs out. */
  calls?: number;
  /** How long calls fail; default one hour when neither is given. */
  forMs?: number;
}

export function createUsage(clock: Clock, options: { businessId: string; impressions: number }) {
  const platform: Window = { calls: [], limit: 200, spanMs: HOUR_MS };
  const business: Window = { calls: [], limit: 4800 * options.impressions, spanMs: DAY_MS };
  let manual: ManualThrottle | undefined;

  const prune = (w: Window) => {
    const since = clock.now() - w.spanMs;
    while (w.calls.length > 0 && (w.calls[0] ?? 0) <= since) w.calls.shift();
  };
  const percent = (w: Window) => {
    prune(w);
    return Math.min(100, Math.ceil((w.calls.length / w.limit) * 100));
  };
  /** Minutes until the oldest call leaves the window, i.e. until usage drops below 100%. */
  const minutesToRegain = (w: Window) => {
    const oldest = w.calls[0];
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + w.spanMs - clock.now()) / MINUTE_MS));
  };

  const appHeader = (full: boolean) => {
    const p = full ? 100 : percent(platform);
    return JSON.stringify({ call_count: p, total_cputime: Math.ceil(p * 0.4), total_time: Math.ceil(p * 0.6) });
  };
  const businessHeader = (full: boolean, etaMinutes: number) => {
    const p = full ? 100 : percent(business);
    return JSON.stringify({
      [options.businessId]: [{ type: 'instagram', call_count: p, total_cputime: Math.ceil(p * 0.4), total_time: Math.ceil(p * 0.6), estimated_time_to_regain_access: etaMinutes }],
    });
  };

  function manualEtaMinutes(): number {
    if (manual?.until !== undefined) return Math.max(1, Math.ceil((manual.until - clock.now()) / MINUTE_MS));
    return 1;
  }

  /** The throttle error for this call, if any; counts it either way. */
  function admit(bucket: UsageBucket): GraphError | undefined {
    const w = bucket === 'platform' ? platform : business;
    if (manual && manual.until !== undefined && clock.now() >= manual.until) manual = undefined;
    if (manual) {
      const code = manual.code;
      if (manual.callsLeft !== undefined && --manual.callsLeft <= 0) manual = undefined;
      w.calls.push(clock.now());
      return graphErrors.throttled(code, throttleHeaders(code, bucket));
    }
    prune(w);
    if (w.calls.length >= w.limit) {
      const code = bucket === 'platform' ? 4 : 80002;
      return graphErrors.throttled(code, throttleHeaders(code, bucket, minutesToRegain(w)));
    }
    w.calls.push(clock.now());
    return undefined;
  }

  /** Which header shows the exhausted limit depends on the level that throttled. */
  function throttleHeaders(code: ThrottleCode, bucket: UsageBucket, eta = manualEtaMinutes()): Record<string, string> {
    const headers = headersFor(bucket);
    if (code === 4) headers['X-App-Usage'] = appHeader(true);
    if (code === 17 || code === 80002) headers['X-Business-Use-Case-Usage'] = businessHeader(true, eta);
    // Page-level throttling is reported in X-Page-Usage.
    if (code === 32) headers['X-Page-Usage'] = JSON.stringify({ call_count: 100, total_cputime: 40, total_time: 60, estimated_time_to_regain_access: eta });
    return headers;
  }

  function headersFor(bucket: UsageBucket): Record<string, string> {
    const headers: Record<string, string> = { 'X-App-Usage': appHeader(false) };
    if (bucket === 'business') headers['X-Business-Use-Case-Usage'] = businessHeader(false, 0);
    return headers;
  }

  return {
    admit,
    headersFor,
    throttle(input: ThrottleOptions): void {
      const forMs = input.calls === undefined && input.forMs === undefined ? HOUR_MS : input.forMs;
      manual = { code: input.code, callsLeft: input.calls, until: forMs === undefined ? undefined : clock.now() + forMs };
    },
  };
}

export type Usage = ReturnType<typeof createUsage>;
