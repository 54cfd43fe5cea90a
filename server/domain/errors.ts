/**
 * What can go wrong in a domain verb, in the domain's own words: bad input, something missing, a
 * state that forbids the change, a caller without the right, rows that cannot be used, too much,
 * another service answering what it should not.
 * No status codes here: app.ts says each kind in HTTP (server/http/errors.ts, `fromDomainError`).
 * `code` is the stable machine-readable word clients branch on; `field` names the input at fault.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unprocessable' | 'too_large' | 'upstream';
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The input is malformed or breaks a rule of its own (a hashtag source without a hashtag). */
export class Invalid extends DomainError {
  readonly kind = 'invalid';
}
/** What the input names does not exist (in this workspace). */
export class NotFound extends DomainError {
  readonly kind = 'not_found';
}
/** The input is fine but the current state refuses it (already granted, last owner, quota used). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}
/** The caller may not do this. */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}
/** The input was read but cannot be used as it is (invalid rows, a feed that cannot be reached). */
export class Unprocessable extends DomainError {
  readonly kind = 'unprocessable';
}
/** The input is larger than the verb accepts. */
export class TooLarge extends DomainError {
  readonly kind = 'too_large';
}
/** A service the verb depends on answered with something it is not (a wrong Graph API address). */
export class UpstreamFailed extends DomainError {
  readonly kind = 'upstream';
}

export const invalidParameter = (field: string, message: string) => new Invalid('invalid_parameter', `${field}: ${message}`, field);

export const notFound = (what: string) => new NotFound('not_found', `${what} not found`);
