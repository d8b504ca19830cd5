import type { InvoiceView } from "@/lib/api/views";
import { formatDate, formatDateTime } from "@/lib/client/format";
import { isCancelledCheckout } from "@/lib/client/payment-outcome";
import { ButtonLink } from "../ui/button-link";
import { PayInvoiceButton } from "./pay-invoice-button";

interface PaymentStateProps {
  invoice: InvoiceView;
  orderId?: string;
}

const boxClass = "space-y-3 rounded-lg border p-4";

/** Checks that the invoice can still be paid: open and inside its payment window. */
function isPayable(invoice: InvoiceView): boolean {
  return invoice.status === "OPEN" && Date.parse(invoice.expiresAt) > Date.now();
}

/**
 * Tells whether PaymentState shows the latest attempt's decline reason (with
 * "Try again"), so a list of attempts can leave it out instead of repeating it.
 * A cancelled checkout is not a decline and PaymentState does not show its reason.
 */
export function showsLatestFailure(invoice: InvoiceView): boolean {
  const latest = invoice.payments[0];
  return (
    isPayable(invoice) &&
    latest !== undefined &&
    latest.status === "FAILED" &&
    !isCancelledCheckout(latest)
  );
}

/** Returns the first line of the box that offers "Pay", by what happened so far. */
function awaitingPaymentTitle(invoice: InvoiceView): string {
  const latest = invoice.payments[0];
  if (latest?.status === "REQUIRES_CONFIRMATION") {
    return "You started a payment but have not confirmed it yet.";
  }
  if (latest && isCancelledCheckout(latest)) return "You left the checkout without paying.";
  return "This invoice is awaiting payment.";
}

/**
 * Shows the state of an invoice's payment and what the customer can do next:
 * pay, wait for a processing payment, try again after a decline, or nothing
 * because it is paid or expired. A checkout the customer cancelled is no
 * error: it offers "Pay" as before the first attempt. Payments are newest
 * first, so the first is the latest attempt.
 */
export function PaymentState({ invoice, orderId }: PaymentStateProps) {
  const latest = invoice.payments[0] ?? null;

  if (invoice.status === "PAID") {
    return (
      <div
        role="status"
        className={`${boxClass} border-emerald-300 bg-emerald-50 text-emerald-950`}
      >
        <p className="font-semibold">
          {invoice.paidAt ? `Paid on ${formatDate(invoice.paidAt)}` : "Paid"}
        </p>
        <p className="text-sm">Thank you for your payment.</p>
      </div>
    );
  }

  if (invoice.status === "VOID") {
    return (
      <div role="status" className={`${boxClass} border-slate-300 bg-slate-50 text-slate-900`}>
        <p className="font-semibold">This invoice expired on {formatDate(invoice.expiresAt)}.</p>
        <p className="text-sm">
          It was not paid in time and can no longer be paid. Place the order again to get a new
          invoice.
        </p>
        <ButtonLink href="/orders/new" variant="secondary">
          Place a new order
        </ButtonLink>
      </div>
    );
  }

  if (latest?.status === "PROCESSING") {
    return (
      <div role="status" className={`${boxClass} border-sky-300 bg-sky-50 text-sky-950`}>
        <p className="flex items-center gap-2 font-semibold">
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent"
          />
          Payment processing…
        </p>
        <p className="text-sm">
          The payment provider is confirming your payment. This page updates by itself; you can
          leave it and come back.
        </p>
      </div>
    );
  }

  // The status loop voids an expired invoice; until it does, say so here.
  if (!isPayable(invoice)) {
    return (
      <div role="status" className={`${boxClass} border-slate-300 bg-slate-50 text-slate-900`}>
        <p className="font-semibold">This invoice can no longer be paid.</p>
        <p className="text-sm">
          Its payment window ended on {formatDateTime(invoice.expiresAt)}. Place the order again to
          get a new invoice.
        </p>
      </div>
    );
  }

  if (latest?.status === "FAILED" && !isCancelledCheckout(latest)) {
    return (
      <div className={`${boxClass} border-red-300 bg-red-50 text-red-950`}>
        <div role="alert">
          <p className="font-semibold">Payment failed</p>
          <p className="text-sm">
            {latest.failureReason ?? "The payment provider gave no reason."}
          </p>
        </div>
        <p className="text-sm">
          No money was taken. Try again with another card before {formatDateTime(invoice.expiresAt)}
          .
        </p>
        <PayInvoiceButton invoiceId={invoice.id} orderId={orderId} label="Try again" />
      </div>
    );
  }

  return (
    <div className={`${boxClass} border-amber-300 bg-amber-50 text-amber-950`}>
      <p className="font-semibold">{awaitingPaymentTitle(invoice)}</p>
      <p className="text-sm">
        Due {formatDate(invoice.dueAt)}. Unpaid, it expires on {formatDateTime(invoice.expiresAt)}.
      </p>
      <PayInvoiceButton invoiceId={invoice.id} orderId={orderId} label="Pay" />
    </div>
  );
}
