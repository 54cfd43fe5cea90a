import type { Context } from 'hono';
import type { z } from 'zod';
import { bodyText } from './body.ts';
import { ApiError } from './errors.ts';

/** Largest JSON body the admin API reads; anything bigger is refused before parsing. */
const MAX_JSON_BYTES = 256 * 1024;

/**
 * Reads and validates a JSON body. Every failure is a 4xx that names the field at fault:
 * `email: Invalid email address`, or the body itself when it is not JSON at all.
 */
export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'unsupported_media_type', 'body: send JSON with Content-Type: application/json', 'body');
  const text = await bodyText(c, MAX_JSON_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'body: is not valid JSON', 'body');
  }
  return parseWith(schema, value);
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown key is the caller's typo or a probe: name the key itself, not its parent.
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = unknownKey === undefined ? issue.path : [...issue.path, unknownKey];
  const field = path.length > 0 ? path.join('.') : 'body';
  const message = unknownKey === undefined ? issue.message : 'is not a known field';
  throw new ApiError(400, 'invalid_parameter', `${field}: ${message}`, field);
}
