"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Money } from "@/components/ui/money";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import type { InvoiceSummaryView } from "@/lib/api/views";
import { formatDate } from "@/lib/client/format";
import { fetchInvoices, queryKeys } from "@/lib/client/queries";
import { useLiveRefetchInterval } from "@/lib/client/socket-provider";

const cellClass = "px-3 py-3 whitespace-nowrap sm:px-4";
// The issue date gives way first on a narrow screen; the due date matters more.
const issuedClass = "hidden sm:table-cell";

export function InvoiceList({ initialInvoices }: { initialInvoices: InvoiceSummaryView[] }) {
  const invoices = useQuery({
    queryKey: queryKeys.invoices,
    queryFn: fetchInvoices,
    initialData: initialInvoices,
    refetchInterval: useLiveRefetchInterval(),
  });

  return (
    <>
      <PageHeader title="Invoices" description="Every invoice issued to you, newest first." />
      {invoices.isRefetchError ? (
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
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Invoices</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className={`${cellClass} font-semibold`}>
                  Number
                </th>
                <th scope="col" className={`${cellClass} ${issuedClass} font-semibold`}>
                  Issued
                </th>
                <th scope="col" className={`${cellClass} font-semibold`}>
                  Due
                </th>
                <th scope="col" className={`${cellClass} text-right font-semibold`}>
                  Total
                </th>
                <th scope="col" className={`${cellClass} font-semibold`}>
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {invoices.data.map((invoice) => (
                <tr key={invoice.id}>
                  <th scope="row" className={`${cellClass} text-left font-semibold`}>
                    <Link href={`/invoices/${invoice.id}`} className="text-sky-800 underline">
                      {invoice.number}
                    </Link>
                  </th>
                  <td className={`${cellClass} ${issuedClass}`}>{formatDate(invoice.issuedAt)}</td>
                  <td className={cellClass}>{formatDate(invoice.dueAt)}</td>
                  <td className={`${cellClass} text-right`}>
                    <Money amountMinor={invoice.totalMinor} currency={invoice.currency} />
                  </td>
                  <td className={cellClass}>
                    <StatusBadge of="invoice" status={invoice.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
