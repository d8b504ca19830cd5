import { describe, expect, it } from "vitest";
import { invoiceDeadlines, invoiceTotals } from "../../../lib/billing/invoice-totals";

describe("invoiceTotals", () => {
  it("adds 19 % VAT to 2400", () => {
    expect(invoiceTotals(2400, { name: "VAT", basisPoints: 1900 })).toEqual({
      subtotalMinor: 2400,
      taxMinor: 456,
      totalMinor: 2856,
      taxName: "VAT",
      taxBasisPoints: 1900,
    });
  });

  it("rounds half a cent up", () => {
    // 1250 at 9 % is 112.5 cents.
    expect(invoiceTotals(1250, { name: "GST", basisPoints: 900 }).taxMinor).toBe(113);
  });

  it("charges no tax without a rate and names the line Tax", () => {
    expect(invoiceTotals(2400, null)).toEqual({
      subtotalMinor: 2400,
      taxMinor: 0,
      totalMinor: 2400,
      taxName: "Tax",
      taxBasisPoints: 0,
    });
  });

  it("keeps a zero rate's own name", () => {
    expect(invoiceTotals(600, { name: "Sales tax", basisPoints: 0 }).taxName).toBe("Sales tax");
  });
});

describe("invoiceDeadlines", () => {
  const issuedAt = new Date("2026-12-04T10:00:00Z");

  it("is due three days after issue", () => {
    expect(invoiceDeadlines(issuedAt, 72).dueAt.toISOString()).toBe("2026-12-07T10:00:00.000Z");
  });

  it("expires after the configured hours", () => {
    expect(invoiceDeadlines(issuedAt, 24).expiresAt.toISOString()).toBe("2026-12-05T10:00:00.000Z");
  });
});
