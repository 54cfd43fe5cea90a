import type { Context } from 'hono';
import { notFound } from '../domain/errors.ts';
import { requestedRange } from './byte-range.ts';
import type { AppEnv } from './env.ts';

/**
 * Answers with a stored media file (re-hosted renditions, uploads), or a 404 naming `what` when
 * there is no key or the store has no such file. The public media route, the panel's previews and
 * the rights page's picture all serve files this way; each adds its own cache policy in `headers`.
 * A `Range` request gets the bytes it asks for (206): Safari and iOS play `<video>` only that way.
 */
export async function mediaResponse(c: Context<AppEnv>, key: string | null, headers: Record<string, string>, what = 'media'): Promise<Response> {
  if (key === null) throw notFound(what);
  const common = { 'Accept-Ranges': 'bytes', 'X-Content-Type-Options': 'nosniff', ...headers };
  const rangeHeader = c.req.header('range');
  if (rangeHeader) {
    const info = await c.var.media.head(key);
    if (!info) throw notFound(what);
    const range = requestedRange(rangeHeader, info.size);
    if (range === 'unsatisfiable') return c.body(null, 416, { ...common, 'Content-Range': `bytes */${info.size}` });
    if (range) {
      const part = await c.var.media.get(key, range);
      if (!part) throw notFound(what);
      return c.body(part.body, 206, {
        ...common,
        'Content-Type': part.contentType,
        'Content-Length': String(range.length),
        'Content-Range': `bytes ${range.offset}-${range.offset + range.length - 1}/${part.size}`,
      });
    }
  }
  const object = await c.var.media.get(key);
  if (!object) throw notFound(what);
  return c.body(object.body, 200, { ...common, 'Content-Type': object.contentType, 'Content-Length': String(object.size) });
}
