/** Header in which the custom server passes the client's socket address to route handlers. */
export const clientAddressHeader = "x-swiftcloud-client-address";

/** Returns the client address the custom server saw, for rate-limit keys. */
export function clientAddress(request: Request): string {
  return request.headers.get(clientAddressHeader) ?? "unknown";
}
