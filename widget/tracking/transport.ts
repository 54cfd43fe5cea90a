/**
 * Sends one body to `POST /v1/events` the way that survives the page going away:
 * `navigator.sendBeacon` with a `text/plain` Blob (a CORS-safelisted type, so no preflight),
 * else, when the browser refuses the beacon (its keepalive quota is full), `fetch` with
 * `keepalive`. A failure is dropped: a shopper's page must never show tracking errors.
 */
export function sendBody(url: string, body: string, nav: Navigator = navigator): void {
  if (nav.sendBeacon?.(url, new Blob([body], { type: 'text/plain;charset=UTF-8' }))) return;
  // A string body goes as text/plain;charset=UTF-8 too; cross-origin, no cookie goes with it.
  fetch(url, { method: 'POST', body, keepalive: true }).catch(() => {});
}
