"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Money } from "@/components/ui/money";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import type { InvoiceSummaryView, OrderView } from "@/lib/api/views";
import { formatDate } from "@/lib/client/format";
import { fetchInvoices, fetchOrders, queryKeys } from "@/lib/client/queries";
import { kindLabel } from "@/lib/client/resource-kinds";
import { useLiveRefetchInterval } from "@/lib/client/socket-provider";

interface InvoiceListProps {
  initialInvoices: InvoiceSummaryView[];
  /** The customer's orders, for the name and kind of what each invoice bills. */
  initialOrders: OrderView[];
}

export function InvoiceList({ initialInvoices, initialOrders }: InvoiceListProps) {
  const refetchInterval = useLiveRefetchInterval();
  const invoices = useQuery({
    queryKey: queryKeys.invoices,
    queryFn: fetchInvoices,
    initialData: initialInvoices,
    refetchInterval,
  });
  const orders = useQuery({
    queryKey: queryKeys.orders,
    queryFn: fetchOrders,
    initialData: initialOrders,
    refetchInterval,
  });
  const orderById = new Map(orders.data.map((order) => [order.id, order]));

  return (
    <>
      <PageHeader title="Invoices" description="Every invoice issued to you, newest first." />
      {invoices.isRefetchError || orders.isRefetchError ? (
        <div className="mb-6">
          <ErrorState
            title="Could not refresh your invoices"
            message="What you see may be out of date. The page keeps trying."
          />
        </div>
      ) : null}
      {invoices.data.length === 0 ? (
        <EmptyState
          title="No invoices yet"
          action={<ButtonLink href="/orders/new">Place an order</ButtonLink>}
        >
          An invoice is issued for every order you place, within seconds.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {invoices.data.map((invoice) => (
            <InvoiceRow key={invoice.id} invoice={invoice} order={orderById.get(invoice.orderId)} />
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * Renders one invoice with every field labelled, so none depends on a column
 * header. The fields sit in two columns on a narrow screen, in four from the
 * sm breakpoint up, and beside the number from lg up. The status column is
 * 10rem wide, enough for the longest badge, "Awaiting payment".
 */
function InvoiceRow({ invoice, order }: { invoice: InvoiceSummaryView; order?: OrderView }) {
  return (
    <li className="flex flex-col gap-3 p-4 lg:flex-row lg:items-center lg:gap-6">
      <div className="min-w-0 space-y-0.5 lg:flex-1">
        <p className="font-semibold">
          <Link href={`/invoices/${invoice.id}`} className="text-sky-800 underline">
            {invoice.number}
          </Link>
        </p>
        {/* The order list holds the newest 200 orders; an invoice of an older
            order is shown without its name. */}
        {order ? (
          <p className="text-sm wrap-anywhere text-slate-600">
            For {kindLabel(order.kind)} {order.name}
          </p>
        ) : null}
      </div>
      <dl className="grid grid-cols-[minmax(0,1fr)_10rem] gap-x-4 gap-y-3 text-sm sm:grid-cols-4 lg:grid-cols-[7rem_7rem_7rem_10rem] lg:gap-x-6">
        <InvoiceField label="Issued">{formatDate(invoice.issuedAt)}</InvoiceField>
        <InvoiceField label="Due">{formatDate(invoice.dueAt)}</InvoiceField>
        <InvoiceField label="Total">
          <Money amountMinor={invoice.totalMinor} currency={invoice.currency} />
        </InvoiceField>
        <InvoiceField label="Status">
          <StatusBadge of="invoice" status={invoice.status} />
        </InvoiceField>
      </dl>
    </li>
  );
}

function InvoiceField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-semibold text-slate-900">{children}</dd>
    </div>
  );
}
