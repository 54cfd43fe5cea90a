import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's IP on Node: the socket's peer, or, behind a reverse proxy the operator trusts
 * (VITRINE_TRUST_PROXY=true), the first address of X-Forwarded-For. Never trusted by default:
 * anyone can send that header.
 */
export const nodeClientIp =
  (trustProxy: boolean) =>
  (c: Context): string => {
    const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    return forwarded || getConnInfo(c).remote.address || 'unknown';
  };
