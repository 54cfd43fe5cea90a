import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, Invalid, NotFound, TooLarge, Unprocessable, UpstreamFailed } from '../domain/errors.ts';
import { fromDomainError } from './errors.ts';

describe('fromDomainError', () => {
  it('answers every kind of domain error with its status, keeping code, message and field', () => {
    const cases = [
      [new Invalid('invalid_parameter', 'url: must be https', 'url'), 400],
      [new Forbidden('forbidden', 'no'), 403],
      [new NotFound('not_found', 'post not found'), 404],
      [new Conflict('last_owner', 'role: keep one owner', 'role'), 409],
      [new TooLarge('payload_too_large', 'body: too big', 'body'), 413],
      [new Unprocessable('invalid_rows', 'rows: 3 invalid', 'skipInvalid'), 422],
      [new UpstreamFailed('instagram_unreachable', 'the address is not the Graph API'), 502],
    ] as const;
    for (const [error, status] of cases) {
      const answer = fromDomainError(error);
      expect(answer.status).toBe(status);
      expect(answer.toBody()).toEqual({ error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } });
    }
  });
});
