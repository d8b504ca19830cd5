const probeOrigin = "http://portal.invalid";

/**
 * Returns `value` as a path on this site (path, query and fragment), or
 * `fallback` when it is missing or points elsewhere. Sign-in's callbackUrl
 * and the checkout's redirectUrl go through it, so neither can send the
 * customer to another site ("//evil.example" and "/\\evil.example" are
 * other hosts to a browser).
 */
export function sameOriginPath(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, probeOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== probeOrigin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Returns where to send the browser for a payment provider's checkout: an
 * absolute http(s) URL or a path on this site, else null.
 */
export function checkoutLocation(value: string): string | null {
  if (value.startsWith("/")) {
    const path = sameOriginPath(value, "");
    return path === "" ? null : path;
  }
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
