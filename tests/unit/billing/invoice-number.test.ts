import { describe, expect, it } from "vitest";
import { formatInvoiceNumber } from "../../../lib/billing/invoice-number";

describe("formatInvoiceNumber", () => {
  it.each([
    [1, "INV-000001"],
    [42, "INV-000042"],
    [999_999, "INV-999999"],
    [1_000_000, "INV-1000000"],
  ])("formats %s as %s", (sequence, expected) => {
    expect(formatInvoiceNumber(sequence)).toBe(expected);
  });

  it.each([0, -3, 2.5, Number.NaN])("rejects sequence %s", (sequence) => {
    expect(() => formatInvoiceNumber(sequence)).toThrow(RangeError);
  });
});
