import type { Context } from 'hono';
import { sha256Hex } from '../security/hash.ts';
import type { AppEnv } from './env.ts';

/**
 * Whether a request's `If-None-Match` names this ETag. The comparison is the weak one HTTP
 * prescribes for it (RFC 9110 §13.1.2): `W/"x"` matches `"x"`. That matters because the Node
 * server compresses answers and then marks their ETags weak (middleware/compress/), so the
 * browser sends back `W/"x"` for an answer the route tagged `"x"`.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/**
 * Answers with a strong ETag over the body, and 304 when the client already has it: an answer
 * fetched again unchanged costs a few bytes. Tagging the body itself, not a version number, means
 * a post whose rights expired (which writes nothing, so bumps no version) still changes the tag.
 */
export async function answerWithEtag(c: Context<AppEnv>, body: string, type: string) {
  const etag = `"${(await sha256Hex(body)).slice(0, 32)}"`;
  c.header('ETag', etag);
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  c.header('Content-Type', type);
  return c.body(body);
}
