import { getToken } from "next-auth/jwt";
import type { IncomingMessage } from "node:http";

/** Splits a Cookie header into name/value pairs, decoding each value. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    const raw = part.slice(at + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

/**
 * Returns the user id of the next-auth session that a socket.io handshake
 * carries, or null. next-auth 4's getToken does not parse a raw Cookie header
 * outside Next.js, so it gets the parsed cookies.
 */
export async function userIdOfHandshake(
  request: IncomingMessage,
  secret: string,
): Promise<string | null> {
  const cookies = parseCookies(request.headers.cookie);
  const secure = Object.hasOwn(cookies, "__Secure-next-auth.session-token");
  const token = await getToken({
    req: { headers: request.headers as Record<string, string>, cookies } as never,
    secret,
    secureCookie: secure,
  });
  return typeof token?.sub === "string" ? token.sub : null;
}
