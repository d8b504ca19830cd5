import { DomainError } from "../domain/errors";

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Creates a fixed-window counter per key, kept in this process's memory. It
 * slows down guessing from one address. Several web replicas each count on their own.
 */
export function createRateLimiter(limit: number | (() => number), windowMs: number) {
  const windows = new Map<string, Window>();
  return function check(key: string): void {
    const now = Date.now();
    let window = windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      windows.set(key, window);
    }
    window.count += 1;
    if (windows.size > 10_000) {
      for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
    }
    if (window.count > (typeof limit === "number" ? limit : limit())) {
      const minutes = Math.ceil((window.resetAt - now) / 60_000);
      const wait = minutes === 1 ? "1 minute" : `${minutes} minutes`;
      throw new DomainError("rate_limited", `Too many attempts; try again in ${wait}`);
    }
  };
}
