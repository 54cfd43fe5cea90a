import type { z } from 'zod';
import { safeJsonEscapes } from '../../../shared/text.ts';
import { ApiError } from '../../http/errors.ts';

/**
 * Validates a tracking body, naming the field at fault the way a JavaScript author writes it:
 * `events[3].type`, `items[0].item_id`.
 */
export function parseTracking<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  const field = path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '') || 'body';
  const message = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message;
  return failWith(field, message);
}

function failWith(field: string, message: string): never {
  throw new ApiError(400, 'invalid_parameter', `${field}: ${message}`, field);
}

/** Parses JSON text, or a 400 naming the body. */
export function parseJsonText(text: string): unknown {
  try {
    // Storefronts and merchants' systems send content: a bad character is replaced, never the reason to lose an event.
    return JSON.parse(safeJsonEscapes(text));
  } catch {
    return failWith('body', 'is not valid JSON');
  }
}
