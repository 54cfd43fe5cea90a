/**
 * Graph API errors as Vitrine acts on them. The codes come from Meta's error-handling guide
 * (see the specs reference §1.8): throttling is waited out, an expired or revoked token pauses
 * the connection until the merchant reconnects, transient failures are retried.
 */
export interface GraphErrorBody {
  message: string;
  type?: string;
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
  fbtrace_id?: string;
}

/** 4 app, 17 user, 32 page, 613 custom, 80002 Instagram business-use-case throttling. */
export const THROTTLE_CODES = new Set([4, 17, 32, 613, 80002]);

export type GraphErrorKind = 'throttled' | 'token' | 'transient' | 'permission' | 'not_found' | 'invalid';

export class GraphApiError extends Error {
  readonly code: number;
  readonly subcode: number | undefined;
  readonly status: number;
  /** When the API said how long to wait (usage headers), in milliseconds. */
  readonly retryAfterMs: number | null;
  /**
   * False when the answer was not the Graph API's (no Graph error body: a wrong base URL, a
   * proxy's error page): then it says nothing about the token.
   */
  readonly fromGraph: boolean;

  constructor(status: number, body: GraphErrorBody, retryAfterMs: number | null, fromGraph = true) {
    super(`Instagram API error ${body.code}${body.error_subcode ? `/${body.error_subcode}` : ''}: ${body.message}`);
    this.status = status;
    this.code = body.code;
    this.subcode = body.error_subcode;
    this.retryAfterMs = retryAfterMs;
    this.fromGraph = fromGraph;
  }

  get kind(): GraphErrorKind {
    if (THROTTLE_CODES.has(this.code)) return 'throttled';
    if (this.code === 190 || (this.code >= 458 && this.code <= 467)) return 'token';
    if (this.code === 1 || this.code === 2) return 'transient';
    if (this.code === 10 || (this.code >= 200 && this.code <= 299)) return 'permission';
    if (this.code === 100 && this.subcode === 33) return 'not_found';
    return 'invalid';
  }
}
