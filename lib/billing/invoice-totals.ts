import { taxOf } from "../pricing/money";

/** Tax line an invoice shows when the customer's country has no TaxRate row. */
export const noTaxName = "Tax";

export interface TaxRateRow {
  name: string;
  /** 1900 is 19 %. */
  basisPoints: number;
}

export interface InvoiceTotals {
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  taxName: string;
  taxBasisPoints: number;
}

/**
 * Adds tax to an invoice subtotal. A country without a tax rate pays none,
 * and the invoice still shows a zero tax line named "Tax".
 */
export function invoiceTotals(subtotalMinor: number, rate: TaxRateRow | null): InvoiceTotals {
  const taxName = rate?.name ?? noTaxName;
  const taxBasisPoints = rate?.basisPoints ?? 0;
  const taxMinor = taxOf(subtotalMinor, taxBasisPoints);
  return { subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor, taxName, taxBasisPoints };
}

/** Days between issue and due date printed on an invoice. */
export const paymentTermDays = 3;

const hourMs = 60 * 60 * 1000;

/** Due date and expiry of an invoice issued at `issuedAt`. */
export function invoiceDeadlines(
  issuedAt: Date,
  expiryHours: number,
): { dueAt: Date; expiresAt: Date } {
  return {
    dueAt: new Date(issuedAt.getTime() + paymentTermDays * 24 * hourMs),
    expiresAt: new Date(issuedAt.getTime() + expiryHours * hourMs),
  };
}
