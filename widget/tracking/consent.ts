/**
 * Whether the page allows analytics storage. The page says so with `vitrine('consent',
 * {analytics})` or through Google Consent Mode, whose `gtag('consent', 'default' | 'update',
 * {analytics_storage})` calls land in `window.dataLayer` as `arguments` objects. The latest word
 * wins, whichever way it came. Nothing said means granted, as with gtag itself.
 */
export type Consent = 'granted' | 'denied';

/** The last Consent Mode `analytics_storage` in `entries` from `start` on; null when none. */
export function consentModeState(entries: ArrayLike<unknown>, start = 0): Consent | null {
  let state: Consent | null = null;
  for (let i = start; i < entries.length; i++) {
    const entry = entries[i] as ArrayLike<unknown> | null;
    const fields = entry?.[2] as { analytics_storage?: unknown } | undefined;
    const value = fields?.analytics_storage;
    if (entry?.[0] === 'consent' && (entry[1] === 'default' || entry[1] === 'update') && (value === 'granted' || value === 'denied')) state = value;
  }
  return state;
}

/**
 * Reads the page's consent whenever asked rather than listening: gtag or a tag manager may load
 * after embed.js and replace `dataLayer.push`, and the loader must not create the page's
 * `dataLayer` itself (it adds no global but `vitrine`).
 */
export function createConsent(win: Window): { current(): Consent; set(analytics: boolean): void } {
  let said: { state: Consent; at: number } | null = null;
  const layer = (): ArrayLike<unknown> => ((win as { dataLayer?: unknown }).dataLayer as ArrayLike<unknown> | undefined) ?? [];
  return {
    current: () => consentModeState(layer(), said?.at) ?? said?.state ?? 'granted',
    // Consent Mode entries pushed after this call override it; earlier ones do not.
    set: (analytics) => (said = { state: analytics ? 'granted' : 'denied', at: layer().length }),
  };
}
