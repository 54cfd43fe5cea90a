import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { addressBucket, hitRateLimit } from '../../domain/accounts/rate-limits.ts';

const FIFTEEN_MINUTES = 15 * 60_000;

/** Routes that check a password or a secret someone could guess, and how their errors name them. */
const ACTIONS = { 'sign-in': 'sign-in', 'accept-invitation': 'invitation', password: 'password change' } as const;

/**
 * Counts one attempt at `action` on `account` (an email, an invitation, a user) and refuses it
 * with a 429 once any limit is reached in the current 15 minutes:
 * - per account and address (one client guessing one password),
 * - per account, whatever the address (guesses spread over many addresses or a botnet),
 * - per address (one client spraying many accounts).
 * Addresses are counted per IPv6 /64 (addressBucket). Every attempt counts, right or wrong, so
 * the limit does not tell a guesser which one was right.
 */
export async function limitAttempts(c: Context<AppEnv>, action: keyof typeof ACTIONS, account: string): Promise<void> {
  const { db, clock } = c.var;
  const address = addressBucket(c.var.clientIp(c));
  const limits = [
    [`${action}:${address}:${account}`, 10],
    [`${action}:account:${account}`, 30],
    [`${action}:${address}`, 50],
  ] as const;
  for (const [key, limit] of limits) {
    const result = await hitRateLimit(db, key, { limit, windowMs: FIFTEEN_MINUTES }, clock.now());
    if (!result.allowed) {
      c.header('Retry-After', String(result.retryAfterSeconds));
      throw new ApiError(429, 'rate_limited', `too many ${ACTIONS[action]} attempts; try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes`);
    }
  }
}
