import type { Context } from 'hono';
import { bodyBytes } from './body.ts';
import { ApiError } from './errors.ts';

/** A form's fields; with `all`, a repeated field (several files) comes as an array. */
export type FormFields = Record<string, string | File | (string | File)[]>;

/** What a plain HTML form (the rights page) may send; uploads pass their own limit. */
const MAX_FORM_BYTES = 64 * 1024;

/**
 * Reads a form body (urlencoded or multipart), at most `maxBytes` of it (bodyBytes). A body that
 * does not parse as the form its Content-Type announces - a broken multipart boundary, say - is
 * the sender's fault: a 400 naming the body, never a 500.
 */
export async function formBody(c: Context, options: { all?: boolean; maxBytes?: number } = {}): Promise<FormFields> {
  const bytes = await bodyBytes(c, options.maxBytes ?? MAX_FORM_BYTES);
  let data: FormData;
  try {
    data = await new Response(bytes, { headers: { 'content-type': c.req.header('content-type') ?? '' } }).formData();
  } catch {
    throw new ApiError(400, 'invalid_form', 'body: is not a well-formed form (urlencoded or multipart)', 'body');
  }
  const fields: FormFields = {};
  for (const [name, value] of data.entries()) {
    const earlier = fields[name];
    // Without `all`, the last value of a repeated field wins.
    fields[name] = options.all && earlier !== undefined ? [earlier, value].flat() : value;
  }
  return fields;
}
