/**
 * The panel's security headers, sent with every panel file: by Node's static layer
 * (`entry/node-static.ts`) and, on Workers, through the `_headers` file `vite.config.ts` builds
 * for `[assets]`. One list, so both runtimes cannot drift apart.
 *
 * The panel runs only its own bundle (no inline script or style), talks only to its own origin,
 * and must never be framed: it holds a session that can approve and publish posts.
 * Images may come from a separate media host (`VITRINE_PUBLIC_URL`), so https images are allowed.
 */
export const PANEL_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob: https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};
