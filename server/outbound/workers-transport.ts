import type { Transport } from './guarded-fetch.ts';

/**
 * One outbound request on Workers. Workers have no DNS API, so only what the URL spells is
 * checked (by guarded-fetch.ts, on every hop): IP literals and local names. A public name that
 * resolves to a private address is not caught here; Cloudflare's egress cannot reach the
 * deployment's own loopback or private network in any case (docs/ARCHITECTURE.md).
 */
export const workersTransport: Transport = (request) => fetch(request);
