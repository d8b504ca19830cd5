/**
 * Formats an invoice's database sequence as the number customers see, like
 * `INV-000042`. Sequences past 999999 keep all their digits.
 */
export function formatInvoiceNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`invalid invoice sequence ${sequence}: expected a positive integer`);
  }
  return `INV-${String(sequence).padStart(6, "0")}`;
}
