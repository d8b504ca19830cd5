"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { AccountView } from "@/lib/auth/find-account";
import { PaymentState, showsLatestFailure } from "@/components/invoices/payment-state";
import { RefundList } from "@/components/invoices/refund-list";
import { ErrorState } from "@/components/ui/error-state";
import { Money } from "@/components/ui/money";
import { PageHeader } from "@/components/ui/page-header";
import { PaymentProviderLabel } from "@/components/ui/provider-labels";
import { StatusBadge } from "@/components/ui/status-badge";
import type { InvoiceView } from "@/lib/api/views";
import { formatDate, formatDateTime } from "@/lib/client/format";
import { isCancelledCheckout } from "@/lib/client/payment-outcome";
import { fetchInvoice, queryKeys } from "@/lib/client/queries";
import { kindLabel } from "@/lib/client/resource-kinds";
import { useLiveRefetchInterval } from "@/lib/client/socket-provider";
import { InvoiceLineItems } from "./invoice-line-items";

interface InvoiceDetailProps {
  initialInvoice: InvoiceView;
  billedTo: AccountView;
}

export function InvoiceDetail({ initialInvoice, billedTo }: InvoiceDetailProps) {
  const query = useQuery({
    queryKey: queryKeys.invoice(initialInvoice.id),
    queryFn: () => fetchInvoice(initialInvoice.id),
    initialData: initialInvoice,
    refetchInterval: useLiveRefetchInterval(),
  });
  const invoice = query.data;
  const reasonInPaymentPanel = showsLatestFailure(invoice);
  const money = (amountMinor: number) => (
    <Money amountMinor={amountMinor} currency={invoice.currency} />
  );

  return (
    <>
      <PageHeader
        title={`Invoice ${invoice.number}`}
        description={
          <>
            For{" "}
            <Link href={`/orders/${invoice.order.id}`} className="text-sky-800 underline">
              {kindLabel(invoice.order.kind)} {invoice.order.name}
            </Link>
          </>
        }
        aside={<StatusBadge of="invoice" status={invoice.status} />}
      />
      {query.isRefetchError ? (
        <div className="mb-6">
          <ErrorState
            title="Could not refresh this invoice"
            message="What you see may be out of date. The page keeps trying."
          />
        </div>
      ) : null}

      {/* The payment panel comes first in the page, so a narrow screen shows the
          amount and the Pay button before the details; wide screens put it on
          the right. */}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <aside
          aria-labelledby="pay-heading"
          className="space-y-3 lg:sticky lg:top-6 lg:col-start-2 lg:row-start-1"
        >
          <h2 id="pay-heading" className="text-lg font-semibold text-slate-900">
            Payment
          </h2>
          <p className="text-3xl font-bold text-slate-900">{money(invoice.totalMinor)}</p>
          <PaymentState invoice={invoice} orderId={invoice.order.id} />
        </aside>
        <div className="space-y-6 lg:col-start-1 lg:row-start-1">
          <section
            aria-labelledby="details-heading"
            className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5"
          >
            <h2 id="details-heading" className="sr-only">
              Details
            </h2>
            <dl className="grid gap-4 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-slate-600">Issue date</dt>
                <dd className="font-semibold text-slate-900">{formatDate(invoice.issuedAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Due date</dt>
                <dd className="font-semibold text-slate-900">{formatDate(invoice.dueAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Currency</dt>
                <dd className="font-semibold text-slate-900">{invoice.currency}</dd>
              </div>
              <div className="sm:col-span-3">
                <dt className="text-slate-600">Billed to</dt>
                <dd className="text-slate-900">
                  <span className="block font-semibold">{billedTo.name}</span>
                  <span className="block break-all">{billedTo.email}</span>
                  <span className="block">{billedTo.countryName}</span>
                </dd>
              </div>
            </dl>
          </section>

          <InvoiceLineItems invoice={invoice} />

          <section aria-labelledby="payments-heading" className="space-y-3">
            <h2 id="payments-heading" className="text-lg font-semibold text-slate-900">
              Payment attempts
            </h2>
            {invoice.payments.length === 0 ? (
              <p className="text-sm text-slate-600">No payment has been attempted yet.</p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
                {invoice.payments.map((payment, index) => (
                  <li
                    key={payment.id}
                    className="flex flex-wrap items-start justify-between gap-3 p-4 text-sm"
                  >
                    <div className="min-w-0 space-y-1">
                      <p className="font-semibold text-slate-900">
                        {formatDateTime(payment.createdAt)}
                      </p>
                      <p className="flex flex-wrap items-center gap-2 text-slate-600">
                        <span>
                          {money(payment.amountMinor)} via {payment.provider}
                        </span>
                        <PaymentProviderLabel provider={payment.provider} />
                      </p>
                      {isCancelledCheckout(payment) ? (
                        <p className="text-slate-600">You left the checkout without paying.</p>
                      ) : payment.failureReason && !(index === 0 && reasonInPaymentPanel) ? (
                        <p className="text-red-800">{payment.failureReason}</p>
                      ) : null}
                      {payment.settledAt ? (
                        <p className="text-slate-600">
                          Settled {formatDateTime(payment.settledAt)}
                        </p>
                      ) : null}
                    </div>
                    <StatusBadge
                      of="payment"
                      status={isCancelledCheckout(payment) ? "CANCELLED" : payment.status}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <RefundList refunds={invoice.refunds} />
        </div>
      </div>
    </>
  );
}
