import type { ErrorBody } from "../api/views";

export interface ApiFieldError {
  field: string;
  message: string;
}

/**
 * A failed API call: the HTTP status (0 when the server could not be reached),
 * the error code and message of the response body, and its field errors.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "message" in error;
}

/** Builds the ApiError of a non-2xx response from its JSON body, when it has one. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or a crashed server can respond with HTML or an empty body.
  }
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.error.code, body.error.message, body.error.fields);
  }
  return new ApiError(
    response.status,
    "http_error",
    `The request failed with HTTP status ${response.status}. Try again in a moment.`,
  );
}

/** Tells whether retrying the same request can help: network errors, 429 and 5xx. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}
