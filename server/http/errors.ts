import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../../shared/api-types.ts';

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

export const invalidParameter = (field: string, message: string) =>
  new ApiError(400, 'invalid_parameter', `${field}: ${message}`, field);

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
