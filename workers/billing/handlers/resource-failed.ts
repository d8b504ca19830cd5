import type { Logger } from "pino";
import {
  refundOrderPayment,
  type RefundOrderResult,
} from "../../../lib/billing/refund-order-payment";
import type { PrismaClient } from "../../../lib/db/client";
import type { AnyCloudEvent } from "../../../lib/events/catalog";
import { PermanentEventError } from "../../../lib/messaging/consumer";
import { applyOnce } from "../../../lib/messaging/inbox";

/** Name of the `resource.failed` consumer, its queue and its inbox rows. */
export const resourcesConsumerName = "billing.resources";

export interface ResourceFailedHandlerOptions {
  db: PrismaClient;
  /** Called after a refund was recorded, so the refund loop sends it at once. */
  onRefundRecorded: () => void;
}

/**
 * Handles `resource.failed` by recording a full refund of the order's
 * succeeded payment, once per event id. The provider is called later by the
 * refund loop, so the delivery is acked as soon as the refund is stored.
 */
export function createResourceFailedHandler(options: ResourceFailedHandlerOptions) {
  const { db, onRefundRecorded } = options;

  return async function handleResourceFailed(event: AnyCloudEvent, log: Logger): Promise<void> {
    if (event.type !== "swiftcloud.resource.failed") {
      throw new PermanentEventError(`${resourcesConsumerName} does not handle ${event.type}`);
    }
    const { orderId, userId, resourceId } = event.data;
    const orderLog = log.child({ orderId, userId, resourceId });
    let result: RefundOrderResult | undefined;
    const applied = await applyOnce(db, resourcesConsumerName, event.id, async (tx) => {
      result = await refundOrderPayment(tx, { orderId, userId });
    });
    if (!applied || !result) {
      orderLog.info("billing.duplicate_event_skipped");
      return;
    }
    switch (result.outcome) {
      case "recorded":
        orderLog.info(
          { refundId: result.refundId, paymentId: result.paymentId, invoiceId: result.invoiceId },
          "billing.refund_recorded",
        );
        onRefundRecorded();
        return;
      case "already_refunded":
        orderLog.info(
          { refundId: result.refundId, paymentId: result.paymentId },
          "billing.refund_exists",
        );
        return;
      case "no_payment":
        orderLog.warn({ reason: result.reason }, "billing.refund_not_needed");
        return;
    }
  };
}
