import type { Context } from 'hono';
import type { z } from 'zod';
import { bodyText } from './body.ts';
import { isWellFormedText, safeText } from '../../shared/text.ts';
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

/**
 * Validates what an admin typed (bodies, query strings, form fields). Text that is not
 * well-formed Unicode (a lone surrogate, NUL) is refused naming its field: what a person typed
 * in the panel never has it, so it is a bug or a probe, and silently changing it would store
 * something other than what was sent. Content from elsewhere (feeds, Instagram, imports) is
 * well-formed instead, see docs/API.md "Text".
 */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const malformed = malformedTextPath(value);
  if (malformed) {
    const field = malformed.length > 0 ? malformed.join('.') : 'body';
    throw new ApiError(400, 'invalid_text', `${field}: is not well-formed Unicode (a lone surrogate or NUL character)`, field);
  }
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

/** Where in a parsed value the first string (or object key) that is not well-formed Unicode is, if any. */
function malformedTextPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = malformedTextPath(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = isWellFormedText(key) ? malformedTextPath(item, [...path, key]) : [...path, safeText(key)];
      if (found) return found;
    }
  }
  return null;
}
