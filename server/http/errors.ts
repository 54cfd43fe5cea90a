import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../../shared/api-types.ts';
import type { DomainError } from '../domain/errors.ts';

/** An error meant for the caller: its status, code and message are returned as they are. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

/** The status each kind of domain error is answered with; the domain itself knows none of them. */
const STATUS_OF = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  upstream: 502,
} as const satisfies Record<DomainError['kind'], ContentfulStatusCode>;

/** A domain error as the caller receives it: same code, message and field, the kind's status. */
export const fromDomainError = (error: DomainError) => new ApiError(STATUS_OF[error.kind], error.code, error.message, error.field);
