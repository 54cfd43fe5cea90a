/**
 * The account's user access tokens and their life: long-lived tokens last 60 days (§1.8), can be
 * expired early (190/463) or invalidated (190/460 after a password change, 190/458 when the app
 * is removed). The token may come as `access_token` (query or form body) or an Authorization header.
 */
import { graphErrors, type GraphError } from './errors.ts';
import { DAY_MS } from './time.ts';
import type { Clock } from './types.ts';

export const TOKEN_LIFETIME_MS = 60 * DAY_MS;

type Revocation = 'password-changed' | 'app-removed';

interface Session {
  expiresAt: number;
  revoked?: Revocation;
}

export function createTokenState(clock: Clock, options: { appId: string; issue: () => string }) {
  /** Every token ever issued keeps its own session: renewing does not revive or kill older ones. */
  const sessions = new Map<string, Session>();
  let token = '';

  const issue = (): string => {
    token = options.issue();
    sessions.set(token, { expiresAt: clock.now() + TOKEN_LIFETIME_MS });
    return token;
  };
  issue();
  const current = (): Session => sessions.get(token) ?? { expiresAt: 0 };

  return {
    get current(): string {
      return token;
    },
    expire(): void {
      current().expiresAt = clock.now();
    },
    revoke(reason: Revocation): void {
      current().revoked = reason;
    },
    renew: issue,
    /** The error the call fails with, or undefined when the token is good. */
    check(presented: string | undefined): GraphError | undefined {
      if (!presented) return graphErrors.missingToken();
      const session = sessions.get(presented);
      if (!session) return graphErrors.invalidToken();
      if (session.revoked) return graphErrors.tokenRevoked(session.revoked, options.appId);
      if (clock.now() >= session.expiresAt) return graphErrors.tokenExpired(session.expiresAt, clock.now());
      return undefined;
    },
  };
}

export type TokenState = ReturnType<typeof createTokenState>;

export function presentedToken(request: Request, params: Record<string, string>): string | undefined {
  const header = request.headers.get('Authorization');
  const match = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim()) : null;
  return params.access_token || match?.[1] || undefined;
}
