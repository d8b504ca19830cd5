/** Delay before the first re-check of a payment that is still processing. */
export const firstCheckDelayMs = 500;

/** Upper bound of the delay between two checks of one payment. */
export const maxCheckDelayMs = 10_000;

/** Jitter spreads checks by up to this fraction either way. */
export const checkDelayJitter = 0.2;

/**
 * Delay before re-checking a payment after `attempts` checks that found it
 * still processing (or hit a provider error): 500 ms, doubling each time, at
 * most 10 s. Each delay is scaled by a random factor in [0.8, 1.2) and then
 * capped, so the payments started by one burst of orders do not all ask the
 * provider in the same instant. `random` returns a number in [0, 1).
 */
export function paymentCheckDelayMs(attempts: number, random: () => number = Math.random): number {
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(`invalid attempt count ${attempts}: expected an integer of at least 1`);
  }
  // 2 ** 15 already exceeds the cap, and a bounded exponent keeps the number finite.
  const base = Math.min(maxCheckDelayMs, firstCheckDelayMs * 2 ** Math.min(attempts - 1, 15));
  const factor = 1 - checkDelayJitter + 2 * checkDelayJitter * random();
  return Math.min(maxCheckDelayMs, Math.round(base * factor));
}
