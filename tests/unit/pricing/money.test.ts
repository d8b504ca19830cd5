import { describe, expect, it } from "vitest";
import { formatMoney, minorDigits, taxOf } from "../../../lib/pricing/money";

describe("taxOf", () => {
  it.each([
    [2400, 1900, 456],
    [0, 1900, 0],
    [1000, 0, 0],
    [1, 5000, 1], // 0.5 rounds half up
    [3, 1666, 0], // 0.4998 rounds down
    [1299, 2100, 273], // 272.79
    [99_999_999, 2000, 20_000_000], // 19999999.8 rounds up
  ])("tax of %i at %i bp is %i", (subtotal, basisPoints, expected) => {
    expect(taxOf(subtotal, basisPoints)).toBe(expected);
  });

  it.each([
    [-1, 1900],
    [10.5, 1900],
    [100, -1],
    [100, 10_001],
    [100, 19.5],
  ])("rejects subtotal %s at rate %s", (subtotal, basisPoints) => {
    expect(() => taxOf(subtotal, basisPoints)).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("formats US cents as dollars", () => {
    expect(formatMoney(12345, "USD")).toBe("$123.45");
  });

  it("formats a currency without minor units", () => {
    expect(minorDigits("JPY")).toBe(0);
    expect(formatMoney(500, "JPY")).toBe("¥500");
  });

  it("formats zero", () => {
    expect(formatMoney(0, "EUR", "en-US")).toBe("€0.00");
  });
});
