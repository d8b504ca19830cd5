import type { RefundView } from "@/lib/api/views";
import { formatDateTime } from "@/lib/client/format";
import { formatMoney } from "@/lib/pricing/money";

const reasonText: Record<RefundView["reason"], string> = {
  INVOICE_VOIDED: "The payment settled after the invoice had expired.",
  RESOURCE_FAILED: "The resource could not be provisioned.",
};

const statusText: Record<RefundView["status"], string> = {
  PENDING: "Refund in progress",
  SUCCEEDED: "Refunded",
  FAILED: "Refund failed; support will return the money",
};

/** Lists an invoice's refunds with amount, reason and state; renders nothing without any. */
export function RefundList({ refunds }: { refunds: RefundView[] }) {
  if (refunds.length === 0) return null;
  return (
    <section aria-labelledby="refunds-heading" className="space-y-3">
      <h2 id="refunds-heading" className="text-lg font-semibold text-slate-900">
        Refunds
      </h2>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {refunds.map((refund) => (
          <li key={refund.id} className="space-y-1 p-4 text-sm">
            <p className="font-semibold text-slate-900">
              {formatMoney(refund.amountMinor, refund.currency)}: {statusText[refund.status]}
            </p>
            <p className="text-slate-600">{reasonText[refund.reason]}</p>
            <p className="text-slate-600">
              {refund.completedAt
                ? `Completed ${formatDateTime(refund.completedAt)}`
                : `Started ${formatDateTime(refund.createdAt)}`}
            </p>
            {refund.failureReason ? <p className="text-red-800">{refund.failureReason}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
