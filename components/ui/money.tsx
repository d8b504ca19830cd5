import { formatMoney } from "@/lib/pricing/money";

/** Formats an amount of integer minor units in its currency, like "$123.45". */
export function Money({ amountMinor, currency }: { amountMinor: number; currency: string }) {
  return <span className="tabular-nums">{formatMoney(amountMinor, currency)}</span>;
}
