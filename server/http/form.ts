import type { Context } from 'hono';
import { ApiError } from './errors.ts';

/** A form's fields; with `all`, a repeated field (several files) comes as an array. */
export type FormFields = Record<string, string | File | (string | File)[]>;

/**
 * Reads a form body (urlencoded or multipart). A body that does not parse as the form its
 * Content-Type announces - a broken multipart boundary, say - is the sender's fault: a 400
 * naming the body, never a 500.
 */
export async function formBody(c: Context, options: { all?: boolean } = {}): Promise<FormFields> {
  try {
    return (await c.req.parseBody({ all: options.all ?? false })) as FormFields;
  } catch {
    throw new ApiError(400, 'invalid_form', 'body: is not a well-formed form (urlencoded or multipart)', 'body');
  }
}
