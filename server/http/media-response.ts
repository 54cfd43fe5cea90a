import type { Context } from 'hono';
import { notFound } from '../domain/errors.ts';
import type { AppEnv } from './env.ts';

/**
 * Answers with a stored media file (re-hosted renditions, uploads), or a 404 naming `what` when
 * there is no key or the store has no such file. The public media route, the panel's previews and
 * the rights page's picture all serve files this way; each adds its own cache policy in `headers`.
 */
export async function mediaResponse(c: Context<AppEnv>, key: string | null, headers: Record<string, string>, what = 'media'): Promise<Response> {
  const object = key === null ? null : await c.var.media.get(key);
  if (!object) throw notFound(what);
  return c.body(object.body, 200, {
    'Content-Type': object.contentType,
    'Content-Length': String(object.size),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
}
