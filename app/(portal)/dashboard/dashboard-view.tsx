"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ResourceStatus } from "@/components/resources/resource-status";
import { buttonClass } from "@/components/ui/button-class";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Money } from "@/components/ui/money";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import type { OrderView, ResourceView } from "@/lib/api/views";
import type { Catalog } from "@/lib/catalog/types";
import { formatDate } from "@/lib/client/format";
import { hasFailedResource } from "@/lib/client/order-status";
import { fetchOrders, fetchResources, queryKeys } from "@/lib/client/queries";
import { describeSpec, kindLabel } from "@/lib/client/resource-kinds";
import { useLiveRefetchInterval } from "@/lib/client/socket-provider";

interface DashboardViewProps {
  initialResources: ResourceView[];
  initialOrders: OrderView[];
  catalog: Catalog;
}

/**
 * Checks that an order awaits its invoice or payment, or that it was paid and
 * its resource failed, so a refund is due.
 */
function needsAttention(order: OrderView): boolean {
  return order.status === "SUBMITTED" || order.status === "INVOICED" || hasFailedResource(order);
}

export function DashboardView({ initialResources, initialOrders, catalog }: DashboardViewProps) {
  const refetchInterval = useLiveRefetchInterval();
  const resources = useQuery({
    queryKey: queryKeys.resources,
    queryFn: fetchResources,
    initialData: initialResources,
    refetchInterval,
  });
  const orders = useQuery({
    queryKey: queryKeys.orders,
    queryFn: fetchOrders,
    initialData: initialOrders,
    refetchInterval,
  });

  const specOfOrder = new Map(orders.data.map((order) => [order.id, order.spec]));
  const attention = orders.data.filter(needsAttention);
  const nothingYet = resources.data.length === 0 && orders.data.length === 0;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Your resources and their status, updated live."
        aside={<ButtonLink href="/orders/new">Place an order</ButtonLink>}
      />

      {nothingYet ? (
        <EmptyState
          title="You have no resources yet"
          action={<ButtonLink href="/orders/new">Place your first order</ButtonLink>}
        >
          Order a virtual machine, web service, managed database or domain. You see the price before
          you submit.
        </EmptyState>
      ) : (
        <div className="space-y-10">
          {attention.length > 0 ? (
            <section aria-labelledby="attention-heading" className="space-y-3">
              <h2 id="attention-heading" className="text-lg font-semibold text-slate-900">
                Orders that need attention
              </h2>
              {orders.isRefetchError ? <StaleNotice what="orders" /> : null}
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
                {attention.map((order) => (
                  <AttentionRow key={order.id} order={order} />
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="resources-heading" className="space-y-3">
            <h2 id="resources-heading" className="text-lg font-semibold text-slate-900">
              Resources
            </h2>
            {resources.isRefetchError ? <StaleNotice what="resources" /> : null}
            {resources.data.length === 0 ? (
              <EmptyState
                headingLevel={3}
                title="No resources yet"
                action={<ButtonLink href="/orders/new">Place an order</ButtonLink>}
              >
                A resource appears here as soon as its invoice is paid.
              </EmptyState>
            ) : (
              <ul className="grid gap-4 lg:grid-cols-2">
                {resources.data.map((resource) => {
                  const spec = specOfOrder.get(resource.orderId);
                  return (
                    <li key={resource.id}>
                      <ResourceStatus
                        resource={resource}
                        summary={spec ? describeSpec(spec, catalog) : null}
                        linkToDetail
                      />
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>
      )}
    </>
  );
}

function AttentionRow({ order }: { order: OrderView }) {
  const invoice = order.invoice;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4">
      <div className="min-w-0 space-y-1">
        <p className="font-semibold break-all text-slate-900">
          <Link href={`/orders/${order.id}`} className="hover:underline">
            {order.name}
          </Link>
        </p>
        <p className="text-sm text-slate-600">
          {kindLabel(order.kind)} · ordered {formatDate(order.createdAt)}
          {invoice ? (
            <>
              {" · "}
              {invoice.number},{" "}
              <Money amountMinor={invoice.totalMinor} currency={invoice.currency} />
            </>
          ) : null}
        </p>
        {hasFailedResource(order) ? (
          <p className="text-sm text-red-800">
            The resource could not be created. The charge for it will be refunded.
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-3">
        <StatusBadge of="order" status={order.status} />
        {order.status === "INVOICED" && invoice ? (
          <Link href={`/invoices/${invoice.id}`} className={buttonClass("primary")}>
            Pay<span className="sr-only"> invoice {invoice.number}</span>
          </Link>
        ) : null}
      </div>
    </li>
  );
}

function StaleNotice({ what }: { what: string }) {
  return (
    <ErrorState
      title={`Could not refresh your ${what}`}
      message="What you see may be out of date. The page keeps trying."
    />
  );
}
