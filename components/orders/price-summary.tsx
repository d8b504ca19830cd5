import { formatMoney } from "@/lib/pricing/money";
import type { Quote } from "@/lib/pricing/quote-order";
import { Money } from "../ui/money";

interface PriceSummaryProps {
  quote: Quote | null;
  /** Reason for the missing price, like "Choose a size to see the price". */
  missing?: string;
}

/**
 * Shows the price of the order as currently filled in, from the same
 * quoteOrder the billing worker prices the invoice with. Tax is left out
 * because it depends on the billing country and is added on the invoice.
 */
export function PriceSummary({ quote, missing }: PriceSummaryProps) {
  return (
    <section
      aria-labelledby="price-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="price-heading" className="font-semibold text-slate-900">
        Price
      </h2>
      {quote ? <QuoteDetails quote={quote} /> : <p className="text-sm text-slate-600">{missing}</p>}
      {/* Only the total is live, so typing a name (which appears in the line
          items) does not make a screen reader repeat the summary. */}
      <p aria-live="polite" className="sr-only">
        {quote ? totalText(quote) : "No price yet"}
      </p>
    </section>
  );
}

function totalText(quote: Quote): string {
  const total = formatMoney(quote.subtotalMinor, quote.currency);
  return quote.period === "year" ? `Due now: ${total}` : `Monthly price: ${total}`;
}

function QuoteDetails({ quote }: { quote: Quote }) {
  const yearly = quote.period === "year";
  return (
    <>
      <ul className="space-y-2 text-sm">
        {quote.lineItems.map((item, index) => (
          <li key={index} className="flex justify-between gap-3">
            <span className="min-w-0 break-words text-slate-700">
              {item.quantity > 1 ? `${item.quantity} × ` : null}
              {item.description}
            </span>
            <Money amountMinor={item.amountMinor} currency={quote.currency} />
          </li>
        ))}
      </ul>
      <dl className="space-y-1 border-t border-slate-200 pt-3">
        <div className="flex justify-between gap-3 font-semibold text-slate-900">
          <dt>{yearly ? "Due now" : "Monthly price"}</dt>
          <dd>
            <Money amountMinor={quote.subtotalMinor} currency={quote.currency} />
          </dd>
        </div>
        {yearly ? (
          <div className="flex justify-between gap-3 text-sm text-slate-700">
            <dt>Price per year</dt>
            <dd>
              <Money amountMinor={quote.recurringMinor} currency={quote.currency} />
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="text-xs text-slate-600">
        Before tax. Tax for your billing country is added on the invoice.
      </p>
    </>
  );
}
