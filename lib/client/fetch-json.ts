import { ApiError, apiErrorOf } from "./api-error";

/**
 * Calls a portal API route and returns its parsed JSON body. Throws ApiError
 * for a non-2xx response and for a request that never reached the server.
 */
export async function fetchJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("Accept", "application/json");
  if (init.body !== undefined) headers.set("Content-Type", "application/json");

  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: "same-origin" });
  } catch (error: unknown) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(
      0,
      "network",
      "Could not reach SwiftCloud. Check your connection and try again.",
    );
  }
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
}

/** POSTs `body` as JSON (or nothing) and returns the parsed response. */
export function postJson<T>(path: string, body?: unknown): Promise<T> {
  return fetchJson<T>(path, {
    method: "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
