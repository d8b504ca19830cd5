import { describe, expect, it } from "vitest";
import { maxCheckDelayMs, paymentCheckDelayMs } from "../../../lib/billing/payment-backoff";

const noJitter = () => 0.5;

describe("paymentCheckDelayMs", () => {
  it("doubles from 500 ms and stops at 10 s without jitter", () => {
    const schedule = [1, 2, 3, 4, 5, 6, 7, 50].map((attempt) =>
      paymentCheckDelayMs(attempt, noJitter),
    );
    expect(schedule).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
  });

  it("scales the first delay down by at most 20 %", () => {
    expect(paymentCheckDelayMs(1, () => 0)).toBe(400);
  });

  it("scales the first delay up by less than 20 %", () => {
    expect(paymentCheckDelayMs(1, () => 0.999_999)).toBe(600);
  });

  it("never exceeds the cap with jitter", () => {
    expect(paymentCheckDelayMs(5, () => 0.999_999)).toBe(9_600);
    expect(paymentCheckDelayMs(6, () => 0.999_999)).toBe(maxCheckDelayMs);
    expect(paymentCheckDelayMs(30, () => 0.999_999)).toBe(maxCheckDelayMs);
  });

  it("stays within the jitter band for random draws", () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const delay = paymentCheckDelayMs(attempt);
      const base = Math.min(10_000, 500 * 2 ** (attempt - 1));
      expect(delay).toBeGreaterThanOrEqual(base * 0.8);
      expect(delay).toBeLessThanOrEqual(Math.min(10_000, base * 1.2));
    }
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects attempt count %s", (attempts) => {
    expect(() => paymentCheckDelayMs(attempts)).toThrow(RangeError);
  });
});
