/**
 * Effects of each pushed event on the React Query cache. First it writes the
 * data the event carries (a progress step, a payment's outcome), so the page
 * changes at once. Then it invalidates the related keys, so the next fetch
 * brings what the event leaves out (connection details, new invoice rows).
 */
import type { QueryClient } from "@tanstack/react-query";
import type {
  InvoiceSummaryView,
  InvoiceView,
  OrderView,
  PaymentView,
  ResourceView,
} from "../api/views";
import type { ServerToClientEvents } from "../realtime/socket-events";
import { queryKeys } from "./queries";

type PayloadOf<Name extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[Name]>[0];

type ResourcePatch = (resource: ResourceView) => ResourceView;

/** Resource statuses after which no provisioning event may change the cached resource. */
const finishedResource = new Set<ResourceView["status"]>(["ACTIVE", "FAILED"]);

/**
 * Applies `patch` to the resource wherever the cache contains it: its detail,
 * the resource list, its order and the order list.
 */
function patchResource(
  client: QueryClient,
  resourceId: string,
  orderId: string,
  patch: ResourcePatch,
) {
  const apply = (resource: ResourceView | null) =>
    resource && resource.id === resourceId ? patch(resource) : resource;
  client.setQueryData<ResourceView>(queryKeys.resource(resourceId), (cached) =>
    cached ? patch(cached) : cached,
  );
  client.setQueryData<ResourceView[]>(queryKeys.resources, (cached) =>
    cached?.map((resource) => apply(resource) ?? resource),
  );
  client.setQueryData<OrderView>(queryKeys.order(orderId), (cached) =>
    cached ? { ...cached, resource: apply(cached.resource) } : cached,
  );
  client.setQueryData<OrderView[]>(queryKeys.orders, (cached) =>
    cached?.map((order) => ({ ...order, resource: apply(order.resource) })),
  );
}

type InvoicePatch = (invoice: InvoiceSummaryView) => InvoiceSummaryView;

/** Applies `patch` to the invoice in its detail, the invoice list and its order. */
function patchInvoice(
  client: QueryClient,
  invoiceId: string,
  orderId: string | null,
  patch: InvoicePatch,
  patchPayments?: (payments: PaymentView[]) => PaymentView[],
) {
  client.setQueryData<InvoiceView>(queryKeys.invoice(invoiceId), (cached) => {
    if (!cached) return cached;
    const patched = { ...cached, ...patch(cached) };
    return patchPayments ? { ...patched, payments: patchPayments(cached.payments) } : patched;
  });
  client.setQueryData<InvoiceSummaryView[]>(queryKeys.invoices, (cached) =>
    cached?.map((invoice) => (invoice.id === invoiceId ? patch(invoice) : invoice)),
  );
  const patchOrder = (order: OrderView) =>
    order.invoice?.id === invoiceId ? { ...order, invoice: patch(order.invoice) } : order;
  if (orderId) {
    client.setQueryData<OrderView>(queryKeys.order(orderId), (cached) =>
      cached ? patchOrder(cached) : cached,
    );
  }
  client.setQueryData<OrderView[]>(queryKeys.orders, (cached) => cached?.map(patchOrder));
}

function patchPayment(paymentId: string, patch: Partial<PaymentView>) {
  return (payments: PaymentView[]) =>
    payments.map((payment) => (payment.id === paymentId ? { ...payment, ...patch } : payment));
}

/** Sets an order's status (and more) in its detail and the order list. */
function patchOrder(client: QueryClient, orderId: string, patch: (order: OrderView) => OrderView) {
  client.setQueryData<OrderView>(queryKeys.order(orderId), (cached) =>
    cached ? patch(cached) : cached,
  );
  client.setQueryData<OrderView[]>(queryKeys.orders, (cached) =>
    cached?.map((order) => (order.id === orderId ? patch(order) : order)),
  );
}

function invalidate(client: QueryClient, keys: readonly (readonly unknown[])[]) {
  for (const queryKey of keys) void client.invalidateQueries({ queryKey });
}

/**
 * Creates the event handlers of one socket. Each handler updates the cache
 * as described at the top of this file. The handlers remember the newest
 * event time seen per resource, so a progress event that arrives after a
 * later one (socket.io keeps order per connection, but a replayed or
 * reconnected stream may not) cannot move a bar backwards.
 */
export function createCacheUpdaters(client: QueryClient) {
  const newestResourceEvent = new Map<string, number>();

  /** Checks that the event is not older than the newest one applied to this resource, and records its time if so. */
  const isCurrent = (resourceId: string, time: string) => {
    const at = Date.parse(time);
    const newest = newestResourceEvent.get(resourceId);
    if (newest !== undefined && at < newest) return false;
    newestResourceEvent.set(resourceId, at);
    return true;
  };

  const resourceKeys = (resourceId: string, orderId: string) => [
    queryKeys.resource(resourceId),
    queryKeys.resources,
    queryKeys.order(orderId),
    queryKeys.orders,
  ];

  return {
    "order:submitted": (event: PayloadOf<"order:submitted">) => {
      invalidate(client, [queryKeys.order(event.orderId), queryKeys.orders]);
    },

    "order:cancelled": (event: PayloadOf<"order:cancelled">) => {
      patchOrder(client, event.orderId, (order) => ({
        ...order,
        status: "CANCELLED",
        cancelReason: event.reason,
      }));
      invalidate(client, [queryKeys.order(event.orderId), queryKeys.orders]);
    },

    "invoice:issued": (event: PayloadOf<"invoice:issued">) => {
      patchOrder(client, event.orderId, (order) =>
        order.status === "SUBMITTED" ? { ...order, status: "INVOICED" } : order,
      );
      invalidate(client, [
        queryKeys.order(event.orderId),
        queryKeys.orders,
        queryKeys.invoice(event.invoiceId),
        queryKeys.invoices,
      ]);
    },

    "invoice:expired": (event: PayloadOf<"invoice:expired">) => {
      patchInvoice(client, event.invoiceId, event.orderId, (invoice) =>
        invoice.status === "OPEN" ? { ...invoice, status: "VOID" } : invoice,
      );
      invalidate(client, [
        queryKeys.invoice(event.invoiceId),
        queryKeys.invoices,
        queryKeys.order(event.orderId),
        queryKeys.orders,
      ]);
    },

    "payment:initiated": (event: PayloadOf<"payment:initiated">) => {
      patchInvoice(
        client,
        event.invoiceId,
        null,
        (invoice) => invoice,
        (payments) =>
          payments.map((payment) =>
            payment.id === event.paymentId && payment.status === "REQUIRES_CONFIRMATION"
              ? { ...payment, status: "PROCESSING" }
              : payment,
          ),
      );
      invalidate(client, [queryKeys.invoice(event.invoiceId), queryKeys.invoices]);
    },

    "payment:succeeded": (event: PayloadOf<"payment:succeeded">) => {
      patchInvoice(
        client,
        event.invoiceId,
        event.orderId,
        (invoice) => ({ ...invoice, status: "PAID", paidAt: invoice.paidAt ?? event.time }),
        patchPayment(event.paymentId, { status: "SUCCEEDED", settledAt: event.time }),
      );
      patchOrder(client, event.orderId, (order) =>
        order.status === "INVOICED" ? { ...order, status: "PAID" } : order,
      );
      invalidate(client, [
        queryKeys.invoice(event.invoiceId),
        queryKeys.invoices,
        queryKeys.order(event.orderId),
        queryKeys.orders,
      ]);
    },

    "payment:failed": (event: PayloadOf<"payment:failed">) => {
      patchInvoice(
        client,
        event.invoiceId,
        event.orderId,
        (invoice) => invoice,
        patchPayment(event.paymentId, { status: "FAILED", failureReason: event.reason }),
      );
      invalidate(client, [
        queryKeys.invoice(event.invoiceId),
        queryKeys.invoices,
        queryKeys.order(event.orderId),
        queryKeys.orders,
      ]);
    },

    "payment:refunded": (event: PayloadOf<"payment:refunded">) => {
      invalidate(client, [
        queryKeys.invoice(event.invoiceId),
        queryKeys.invoices,
        queryKeys.order(event.orderId),
        queryKeys.orders,
      ]);
    },

    "resource:provisioning": (event: PayloadOf<"resource:provisioning">) => {
      if (isCurrent(event.resourceId, event.time)) {
        patchResource(client, event.resourceId, event.orderId, (resource) =>
          resource.status === "PENDING" ? { ...resource, status: "PROVISIONING" } : resource,
        );
      }
      invalidate(client, resourceKeys(event.resourceId, event.orderId));
    },

    "resource:progress": (event: PayloadOf<"resource:progress">) => {
      if (isCurrent(event.resourceId, event.time)) {
        // A fetched resource may already be further along than this event:
        // progress only moves forward, and a finished resource stays finished.
        patchResource(client, event.resourceId, event.orderId, (resource) =>
          finishedResource.has(resource.status) || event.percentage < resource.progress
            ? resource
            : {
                ...resource,
                status: "PROVISIONING",
                progress: event.percentage,
                currentStep: event.step,
              },
        );
      }
      invalidate(client, resourceKeys(event.resourceId, event.orderId));
    },

    "resource:active": (event: PayloadOf<"resource:active">) => {
      newestResourceEvent.set(event.resourceId, Date.parse(event.time));
      patchResource(client, event.resourceId, event.orderId, (resource) =>
        resource.status === "FAILED"
          ? resource
          : { ...resource, status: "ACTIVE", progress: 100, currentStep: null },
      );
      invalidate(client, resourceKeys(event.resourceId, event.orderId));
    },

    "resource:failed": (event: PayloadOf<"resource:failed">) => {
      newestResourceEvent.set(event.resourceId, Date.parse(event.time));
      patchResource(client, event.resourceId, event.orderId, (resource) =>
        resource.status === "ACTIVE"
          ? resource
          : { ...resource, status: "FAILED", failureReason: event.reason },
      );
      invalidate(client, resourceKeys(event.resourceId, event.orderId));
    },
  } satisfies ServerToClientEvents;
}
