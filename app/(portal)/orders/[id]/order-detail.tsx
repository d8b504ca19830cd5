"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { PaymentState } from "@/components/invoices/payment-state";
import { ResourceStatus } from "@/components/resources/resource-status";
import { ErrorState } from "@/components/ui/error-state";
import { Money } from "@/components/ui/money";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import type { InvoiceView, OrderView } from "@/lib/api/views";
import type { Catalog } from "@/lib/catalog/types";
import { formatDate, formatDateTime, formatTaxLabel } from "@/lib/client/format";
import { hasFailedResource } from "@/lib/client/order-status";
import { fetchInvoice, fetchOrder, queryKeys } from "@/lib/client/queries";
import { describeSpec, kindLabel } from "@/lib/client/resource-kinds";
import { useLiveRefetchInterval } from "@/lib/client/socket-provider";

interface OrderDetailProps {
  initialOrder: OrderView;
  initialInvoice: InvoiceView | null;
  catalog: Catalog;
}

const sectionClass = "space-y-3";
const sectionHeadingClass = "text-lg font-semibold text-slate-900";

export function OrderDetail({ initialOrder, initialInvoice, catalog }: OrderDetailProps) {
  const refetchInterval = useLiveRefetchInterval();
  const orderQuery = useQuery({
    queryKey: queryKeys.order(initialOrder.id),
    queryFn: () => fetchOrder(initialOrder.id),
    initialData: initialOrder,
    refetchInterval,
  });
  const order = orderQuery.data;
  const invoiceId = order.invoice?.id ?? null;
  const invoiceQuery = useQuery({
    queryKey: queryKeys.invoice(invoiceId ?? "none"),
    queryFn: () => fetchInvoice(invoiceId ?? ""),
    enabled: invoiceId !== null,
    initialData: initialInvoice?.id === invoiceId ? (initialInvoice ?? undefined) : undefined,
    refetchInterval,
  });
  const invoice = invoiceQuery.data ?? null;

  return (
    <>
      <PageHeader
        title={<span className="break-all">{order.name}</span>}
        description={
          <>
            {kindLabel(order.kind)} · {describeSpec(order.spec, catalog)}
            <br />
            Ordered {formatDateTime(order.createdAt)} · quoted{" "}
            <Money amountMinor={order.quotedMonthlyMinor} currency={order.currency} />
            {/* For a domain the quote is the price of one year, not of one month. */}
            {order.kind === "DOMAIN" ? " per year" : " per month"}
          </>
        }
        aside={<StatusBadge of="order" status={order.status} />}
      />
      {orderQuery.isRefetchError ? (
        <div className="mb-6">
          <ErrorState
            title="Could not refresh this order"
            message="What you see may be out of date. The page keeps trying."
          />
        </div>
      ) : null}

      <div className="space-y-10">
        {order.status === "CANCELLED" ? (
          <div role="status" className="rounded-lg border border-slate-300 bg-white p-4">
            <p className="font-semibold text-slate-900">This order was cancelled.</p>
            <p className="text-sm text-slate-700">{order.cancelReason ?? "No reason was given."}</p>
          </div>
        ) : null}
        {/* The invoice comes first on this page, so the failed resource's
            notice can be far down. This box points to it. */}
        {hasFailedResource(order) ? (
          <div
            role="status"
            className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950"
          >
            <p className="font-semibold">This order failed.</p>
            <p className="text-sm">
              Its resource could not be created, so the charge for it will be refunded. The reason
              and how to contact support are under Resource below.
            </p>
          </div>
        ) : null}

        <section aria-labelledby="invoice-heading" className={sectionClass}>
          <h2 id="invoice-heading" className={sectionHeadingClass}>
            Invoice
          </h2>
          <InvoiceSection order={order} invoice={invoice} loadFailed={invoiceQuery.isError} />
        </section>

        {order.resource || order.status === "PAID" || order.status === "PROVISIONING" ? (
          <section aria-labelledby="resource-heading" className={sectionClass}>
            <h2 id="resource-heading" className={sectionHeadingClass}>
              Resource
            </h2>
            {order.resource ? (
              <ResourceStatus
                resource={order.resource}
                summary={describeSpec(order.spec, catalog)}
                linkToDetail
              />
            ) : (
              <p
                role="status"
                className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sky-950"
              >
                Payment received. Your resource is being prepared…
              </p>
            )}
          </section>
        ) : null}
      </div>
    </>
  );
}

interface InvoiceSectionProps {
  order: OrderView;
  invoice: InvoiceView | null;
  loadFailed: boolean;
}

function InvoiceSection({ order, invoice, loadFailed }: InvoiceSectionProps) {
  if (!order.invoice) {
    if (order.status === "CANCELLED" || order.status === "FAILED") {
      return <p className="text-slate-700">No invoice was issued for this order.</p>;
    }
    return (
      <div
        role="status"
        className="flex items-start gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-950"
      >
        <span
          aria-hidden="true"
          className="mt-1 size-4 shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent"
        />
        <div>
          <p className="font-semibold">Waiting for your invoice…</p>
          <p className="text-sm">
            Billing is pricing your order. The invoice appears here by itself, usually within a few
            seconds.
          </p>
        </div>
      </div>
    );
  }

  const summary = order.invoice;
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <p className="font-semibold text-slate-900">
            <Link href={`/invoices/${summary.id}`} className="text-sky-800 underline">
              {summary.number}
            </Link>
          </p>
          <p className="text-sm text-slate-600">
            Issued {formatDate(summary.issuedAt)} · due {formatDate(summary.dueAt)}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <StatusBadge of="invoice" status={summary.status} />
          <span className="text-lg font-semibold text-slate-900">
            <Money amountMinor={summary.totalMinor} currency={summary.currency} />
          </span>
        </div>
      </div>
      {invoice ? (
        <>
          <ul className="space-y-1 border-t border-slate-200 pt-3 text-sm text-slate-700">
            {invoice.lineItems.map((item) => (
              <li key={item.position} className="flex justify-between gap-3">
                <span className="min-w-0 break-words">
                  {item.quantity > 1 ? `${item.quantity} × ` : null}
                  {item.description}
                </span>
                <Money amountMinor={item.amountMinor} currency={invoice.currency} />
              </li>
            ))}
            {invoice.taxMinor > 0 ? (
              <li className="flex justify-between gap-3">
                <span>{formatTaxLabel(invoice.taxName, invoice.taxBasisPoints)}</span>
                <Money amountMinor={invoice.taxMinor} currency={invoice.currency} />
              </li>
            ) : null}
          </ul>
          <PaymentState invoice={invoice} orderId={order.id} />
        </>
      ) : loadFailed ? (
        <ErrorState
          title="Could not load the invoice details"
          message={
            <Link href={`/invoices/${summary.id}`} className="underline">
              Open the invoice
            </Link>
          }
        />
      ) : (
        <p role="status" className="text-sm text-slate-600">
          Loading the invoice…
        </p>
      )}
    </div>
  );
}
