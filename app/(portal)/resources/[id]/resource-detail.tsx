"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ResourceStatus } from "@/components/resources/resource-status";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import type { OrderView, ResourceView } from "@/lib/api/views";
import type { Catalog } from "@/lib/catalog/types";
import { formatDateTime } from "@/lib/client/format";
import { fetchResource, queryKeys } from "@/lib/client/queries";
import { describeSpec, kindLabel } from "@/lib/client/resource-kinds";
import { useLiveRefetchInterval } from "@/lib/client/socket-provider";

interface ResourceDetailProps {
  initialResource: ResourceView;
  order: OrderView;
  catalog: Catalog;
}

export function ResourceDetail({ initialResource, order, catalog }: ResourceDetailProps) {
  const query = useQuery({
    queryKey: queryKeys.resource(initialResource.id),
    queryFn: () => fetchResource(initialResource.id),
    initialData: initialResource,
    refetchInterval: useLiveRefetchInterval(),
  });
  const resource = query.data;

  return (
    <>
      <PageHeader
        title={<span className="break-all">{resource.name}</span>}
        description={`${kindLabel(resource.kind)} · created ${formatDateTime(resource.createdAt)}`}
      />
      {query.isRefetchError ? (
        <div className="mb-6">
          <ErrorState
            title="Could not refresh this resource"
            message="What you see may be out of date. The page keeps trying."
          />
        </div>
      ) : null}
      <div className="space-y-6">
        <section aria-labelledby="status-heading" className="space-y-3">
          <h2 id="status-heading" className="text-lg font-semibold text-slate-900">
            Status
          </h2>
          <ResourceStatus resource={resource} summary={describeSpec(order.spec, catalog)} />
        </section>
        <p className="text-sm text-slate-700">
          Ordered in{" "}
          <Link href={`/orders/${order.id}`} className="text-sky-800 underline">
            order {order.name}
          </Link>
          {order.invoice ? (
            <>
              , billed on{" "}
              <Link href={`/invoices/${order.invoice.id}`} className="text-sky-800 underline">
                invoice {order.invoice.number}
              </Link>
            </>
          ) : null}
          .
        </p>
      </div>
    </>
  );
}
