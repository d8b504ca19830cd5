/** The closed set of failure kinds a domain operation reports. */
export type ErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable";

export interface FieldError {
  /** Dotted path of the input field, like `planId` or `source.image`. */
  field: string;
  message: string;
}

/** An expected failure with a code the HTTP layer maps to a status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** HTTP status of each error code, used by every route handler. */
export const httpStatusOf: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export function notFound(what: string): DomainError {
  return new DomainError("not_found", `${what} not found`);
}
