/**
 * Whether the page allows analytics storage. The page says so with `vitrine('consent',
 * {analytics})` or through Google Consent Mode, whose `gtag('consent', 'default' | 'update',
 * {analytics_storage})` calls land in `window.dataLayer` as `arguments` objects. The latest word
 * wins, whichever way it came. Nothing said means the default: `data-consent` on the script tag,
 * else the workspace's `consentDefault`, else denied (EU stores need consent before storage).
 * Global Privacy Control overrides all of it: a browser that sends it is always denied.
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
export function createConsent(win: Window, fallback: Consent | null | undefined): { current(): Consent; set(analytics: boolean): void; fallback(workspace: Consent | undefined): void } {
  let said: { state: Consent; at: number } | null = null;
  const layer = (): ArrayLike<unknown> => ((win as { dataLayer?: unknown }).dataLayer as ArrayLike<unknown> | undefined) ?? [];
  return {
    current: () =>
      (win.navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true
        ? 'denied'
        : (consentModeState(layer(), said?.at) ?? said?.state ?? fallback ?? 'denied'),
    // The workspace's default applies where the page's script tag set none.
    fallback: (state) => (fallback ??= state),
    // Consent Mode entries pushed after this call override it; earlier ones do not.
    set: (analytics) => (said = { state: analytics ? 'granted' : 'denied', at: layer().length }),
  };
}
