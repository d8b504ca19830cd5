/**
 * Date formats of the portal. Dates are shown in UTC, named as such, so the
 * server's render and the browser's hydration produce the same text and an
 * invoice reads the same for every viewer.
 */
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Formats an ISO 8601 time as a day, like "Dec 4, 2026". */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** Formats an ISO 8601 time to the minute, like "Dec 4, 2026, 3:37 PM UTC". */
export function formatDateTime(iso: string): string {
  return `${dateTimeFormat.format(new Date(iso))} UTC`;
}

/** Formats a tax rate in basis points, like 1900 as "19%" and 2050 as "20.5%". */
export function formatTaxRate(basisPoints: number): string {
  return `${basisPoints / 100}%`;
}

/** Formats a tax line's label with its rate, like "VAT (19%)", the same on every page. */
export function formatTaxLabel(taxName: string, basisPoints: number): string {
  return `${taxName} (${formatTaxRate(basisPoints)})`;
}
