import { Money } from "@/components/ui/money";
import type { InvoiceView } from "@/lib/api/views";
import { formatTaxLabel } from "@/lib/client/format";

const cellClass = "px-4 py-3";
// Quantity and unit price get their own columns from the sm breakpoint up.
// Below it they share one line under the description, so the amounts fit.
const wideOnly = "hidden sm:table-cell";

/** Renders an invoice's line items with subtotal, tax and total. */
export function InvoiceLineItems({ invoice }: { invoice: InvoiceView }) {
  const money = (amountMinor: number) => (
    <Money amountMinor={amountMinor} currency={invoice.currency} />
  );
  return (
    <section aria-labelledby="items-heading" className="space-y-3">
      <h2 id="items-heading" className="text-lg font-semibold text-slate-900">
        Line items
      </h2>
      <div className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className={`${cellClass} font-semibold`}>
                Description
              </th>
              <th scope="col" className={`${cellClass} ${wideOnly} text-right font-semibold`}>
                Quantity
              </th>
              <th
                scope="col"
                className={`${cellClass} ${wideOnly} text-right font-semibold whitespace-nowrap`}
              >
                Unit price
              </th>
              <th scope="col" className={`${cellClass} text-right font-semibold`}>
                Amount
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {invoice.lineItems.map((item) => (
              <tr key={item.position}>
                <td className={cellClass}>
                  {item.description}
                  <span className="mt-1 block text-slate-600 sm:hidden">
                    {item.quantity} × {money(item.unitPriceMinor)}
                  </span>
                </td>
                <td className={`${cellClass} ${wideOnly} text-right tabular-nums`}>
                  {item.quantity}
                </td>
                <td className={`${cellClass} ${wideOnly} text-right whitespace-nowrap`}>
                  {money(item.unitPriceMinor)}
                </td>
                <td className={`${cellClass} text-right align-top whitespace-nowrap`}>
                  {money(item.amountMinor)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="space-y-2 border-t border-slate-300 px-4 py-3 text-sm">
          <div className="flex justify-end gap-6">
            <dt>Subtotal</dt>
            <dd className="min-w-24 text-right">{money(invoice.subtotalMinor)}</dd>
          </div>
          <div className="flex justify-end gap-6">
            <dt>{formatTaxLabel(invoice.taxName, invoice.taxBasisPoints)}</dt>
            <dd className="min-w-24 text-right">{money(invoice.taxMinor)}</dd>
          </div>
          <div className="flex justify-end gap-6 text-base font-semibold">
            <dt>Total ({invoice.currency})</dt>
            <dd className="min-w-24 text-right">{money(invoice.totalMinor)}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
