/**
 * The Graph API's error vocabulary, in its exact body shape (§1.8):
 * `{"error":{"message","type","code","error_subcode"?,"is_transient","fbtrace_id"}}`.
 * `error_subcode` is present only when the real API sends one; clients must not assume it.
 */
import { pacificTime } from './time.ts';

export interface GraphErrorBody {
  message: string;
  type: 'OAuthException' | 'GraphMethodException';
  code: number;
  error_subcode?: number;
  is_transient: boolean;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id: string;
}

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly body: Omit<GraphErrorBody, 'fbtrace_id'>,
    /** Extra response headers, e.g. WWW-Authenticate on token errors or usage at 100%. */
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

function oauth(status: number, code: number, message: string, extra: Partial<GraphErrorBody> = {}): GraphError {
  return new GraphError(status, { message, type: 'OAuthException', code, is_transient: false, ...extra });
}

/**
 * The 31st distinct hashtag inside 7 days. Meta documents the limit but not its error (§1.12,
 * §7: [UNVERIFIED]); the fake answers code 24 with subcode 2207034, a combination no other
 * documented error uses, so a client can recognise it without confusing it with a throttle
 * (4/17/32/613/80002), which would invite a retry that can never succeed before a slot frees.
 */
export const HASHTAG_QUOTA_ERROR = { code: 24, subcode: 2207034 } as const;

export const THROTTLE_CODES = [4, 17, 32, 613, 80002] as const;
export type ThrottleCode = (typeof THROTTLE_CODES)[number];

/** Throttle bodies as seen in the wild (§1.8); all transient. */
const THROTTLE_MESSAGES: Record<ThrottleCode, { message: string; subcode?: number; status: number }> = {
  4: { message: '(#4) Application request limit reached', status: 403 },
  17: { message: '(#17) User request limit reached', subcode: 2446079, status: 400 },
  32: { message: '(#32) Page request limit reached', status: 400 },
  613: { message: '(#613) Calls to this api have exceeded the rate limit.', status: 400 },
  80002: {
    message:
      '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
    status: 400,
  },
};

const tokenHeader = (message: string) => ({ 'WWW-Authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` });

export const graphErrors = {
  /** No token at all: the Graph answers 104, not 190. */
  missingToken: () => oauth(400, 104, 'An access token is required to request this resource.'),
  invalidToken: () => {
    const message = 'Invalid OAuth access token - Cannot parse access token';
    return new GraphError(400, { message, type: 'OAuthException', code: 190, is_transient: false }, tokenHeader(message));
  },
  /** §1.8: "code 190, error_subcode 463 … Session has expired on …". */
  tokenExpired: (expiredAt: number, now: number) => {
    const message = `Error validating access token: Session has expired on ${pacificTime(expiredAt)}. The current time is ${pacificTime(now)}.`;
    return new GraphError(400, { message, type: 'OAuthException', code: 190, error_subcode: 463, is_transient: false }, tokenHeader(message));
  },
  tokenRevoked: (reason: 'password-changed' | 'app-removed', appId: string) => {
    const message =
      reason === 'password-changed'
        ? 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.'
        : `Error validating access token: The user has not authorized application ${appId}.`;
    const subcode = reason === 'password-changed' ? 460 : 458;
    return new GraphError(400, { message, type: 'OAuthException', code: 190, error_subcode: subcode, is_transient: false }, tokenHeader(message));
  },
  throttled: (code: ThrottleCode, headers: Record<string, string>) => {
    const t = THROTTLE_MESSAGES[code];
    return new GraphError(
      t.status,
      { message: t.message, type: 'OAuthException', code, ...(t.subcode ? { error_subcode: t.subcode } : {}), is_transient: true },
      headers,
    );
  },
  unknown: () => oauth(500, 1, 'An unknown error has occurred.', { is_transient: true }),
  service: () => oauth(500, 2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true }),
  permission: () => oauth(403, 10, '(#10) Application does not have permission for this action'),
  /** Deleted, foreign or never-existing objects all read the same (code 100, subcode 33). */
  unsupportedGet: (id: string, method: 'get' | 'post' = 'get') =>
    new GraphError(400, {
      message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
      is_transient: false,
    }),
  unknownPath: (path: string) => oauth(400, 2500, `Unknown path components: ${path}`),
  /** e.g. `Syntax error "Expected end of string instead of "}"." at character 10: id,caption}`. */
  syntax: (detail: string, at: number, source: string) => oauth(400, 2500, `Syntax error "${detail}" at character ${at}: ${source}`),
  nonexistingField: (field: string, nodeType: string) => oauth(400, 100, `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`),
  missingParam: (name: string) => oauth(400, 100, `(#100) The parameter ${name} is required`),
  invalidParam: (message: string, userMessage?: string) =>
    oauth(400, 100, message, userMessage ? { error_user_title: 'Invalid parameter', error_user_msg: userMessage } : {}),
  invalidUserId: () => oauth(400, 110, '(#110) Invalid user id'),
  hashtagQuota: () =>
    oauth(400, HASHTAG_QUOTA_ERROR.code, 'You have reached the maximum number of unique hashtags you can query in a 7 day period.', {
      error_subcode: HASHTAG_QUOTA_ERROR.subcode,
      error_user_title: 'Hashtag limit reached',
      error_user_msg: 'You can query up to 30 unique hashtags within a 7 day period.',
    }),
};

export function errorResponse(error: GraphError, fbtraceId: string): Response {
  const body: { error: GraphErrorBody } = { error: { ...error.body, fbtrace_id: fbtraceId } };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'Content-Type': 'application/json; charset=UTF-8', ...error.headers },
  });
}
