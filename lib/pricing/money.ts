/** Money helpers. Amounts are integer minor units next to an ISO 4217 code. */

/** Minor units per major unit, from Intl's knowledge of the currency. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Formats 12345 USD as "$123.45". */
export function formatMoney(amountMinor: number, currency: string, locale = "en-US"): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(
    amountMinor / 10 ** digits,
  );
}

/**
 * Tax on `subtotalMinor` at `basisPoints` (1900 = 19 %), rounded half up to
 * a whole minor unit in integer arithmetic so no float rounding creeps in.
 */
export function taxOf(subtotalMinor: number, basisPoints: number): number {
  if (!Number.isSafeInteger(subtotalMinor) || subtotalMinor < 0) {
    throw new RangeError(`invalid subtotal ${subtotalMinor}: expected a non-negative integer`);
  }
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
    throw new RangeError(`invalid tax rate ${basisPoints}: expected 0 to 10000 basis points`);
  }
  return Math.floor((subtotalMinor * basisPoints + 5_000) / 10_000);
}
