import type { Logger } from "pino";
import type { PrismaClient, Transaction } from "../../../lib/db/client";
import type { AnyCloudEvent, CloudEvent } from "../../../lib/events/catalog";
import { applyOnce } from "../../../lib/messaging/inbox";
import { PermanentEventError } from "../../../lib/messaging/consumer";
import type { DriverRegistry } from "../../../lib/provisioning/driver-registry";
import { scheduleProvisioning } from "../../../lib/provisioning/schedule-provisioning";

export interface PaymentSucceededDeps {
  db: PrismaClient;
  registry: DriverRegistry;
  /** Consumer name, the key of this handler's inbox rows. */
  consumer: string;
  /** Called after a new action has been committed, so the runner claims it without waiting for a poll. */
  onScheduled?: () => void;
}

/** Decision taken in the transaction, logged only after it commits. */
type Decision =
  | { result: "scheduled"; resourceId: string; actionId: string; provisioningEventId: string }
  | { result: "resource_exists"; resourceId: string }
  | { result: "order_not_paid"; status: string }
  | { result: "invoice_not_paid"; invoiceStatus: string | null };

/**
 * Handles `payment.succeeded`: schedules the creation of the order's resource
 * and returns, leaving the steps to the action runner. The inbox skips an
 * event id seen before. The order's row lock and the unique Resource.orderId
 * make sure a second event for the same order never creates a second resource.
 */
export function createPaymentSucceededHandler(deps: PaymentSucceededDeps) {
  return async function handlePaymentSucceeded(event: AnyCloudEvent, log: Logger): Promise<void> {
    if (event.type !== "swiftcloud.payment.succeeded") {
      throw new PermanentEventError(`${deps.consumer} does not handle ${event.type}`);
    }
    const { orderId, invoiceId, paymentId } = event.data;
    const eventLog = log.child({ orderId, invoiceId, paymentId, eventId: event.id });

    let decision: Decision | undefined;
    const applied = await applyOnce(deps.db, deps.consumer, event.id, async (tx) => {
      decision = await decide(tx, event, deps.registry);
    });
    if (!applied || !decision) {
      eventLog.info("cluster.payment_already_processed");
      return;
    }

    switch (decision.result) {
      case "scheduled":
        deps.onScheduled?.();
        eventLog.info(
          {
            resourceId: decision.resourceId,
            actionId: decision.actionId,
            provisioningEventId: decision.provisioningEventId,
          },
          "cluster.provisioning_scheduled",
        );
        return;
      case "resource_exists":
        eventLog.info({ resourceId: decision.resourceId }, "cluster.resource_exists_skipped");
        return;
      case "order_not_paid":
        eventLog.warn({ orderStatus: decision.status }, "cluster.order_not_paid_skipped");
        return;
      case "invoice_not_paid":
        eventLog.warn(
          { invoiceStatus: decision.invoiceStatus },
          "cluster.invoice_not_paid_skipped",
        );
        return;
    }
  };
}

async function decide(
  tx: Transaction,
  event: CloudEvent<"swiftcloud.payment.succeeded">,
  registry: DriverRegistry,
): Promise<Decision> {
  const { orderId, invoiceId, userId } = event.data;

  // Serialises events for one order: a second one, even with another id,
  // waits here and then finds the resource the first one created.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    select id from "Order" where id = ${orderId}::uuid for update`;
  if (locked.length === 0) throw new PermanentEventError(`order ${orderId} not found`);

  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { invoice: true, resource: { select: { id: true } } },
  });
  if (order.userId !== userId) {
    throw new PermanentEventError(`order ${orderId} does not belong to user ${userId}`);
  }
  if (order.resource) return { result: "resource_exists", resourceId: order.resource.id };
  if (order.status !== "PAID") return { result: "order_not_paid", status: order.status };
  // An order is PAID only with its invoice, but a resource for an unpaid
  // invoice would be a free resource, so the invoice is checked as well.
  if (order.invoice?.id !== invoiceId || order.invoice.status !== "PAID") {
    return { result: "invoice_not_paid", invoiceStatus: order.invoice?.status ?? null };
  }

  const driver = registry.driverFor(order.kind);
  const scheduled = await scheduleProvisioning(tx, order, driver, new Date());
  return {
    result: "scheduled",
    resourceId: scheduled.resourceId,
    actionId: scheduled.actionId,
    provisioningEventId: scheduled.eventId,
  };
}
