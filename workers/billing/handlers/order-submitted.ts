import type { Logger } from "pino";
import { issueInvoice, type IssueInvoiceResult } from "../../../lib/billing/issue-invoice";
import type { PrismaClient } from "../../../lib/db/client";
import type { AnyCloudEvent } from "../../../lib/events/catalog";
import { PermanentEventError } from "../../../lib/messaging/consumer";
import { applyOnce } from "../../../lib/messaging/inbox";

/** Consumer of `order.submitted`; also names its queue and inbox rows. */
export const ordersConsumerName = "billing.orders";

export interface OrderSubmittedHandlerOptions {
  db: PrismaClient;
  invoiceExpiryHours: number;
}

/** Handles `order.submitted` by issuing the order's invoice once per event id. */
export function createOrderSubmittedHandler(options: OrderSubmittedHandlerOptions) {
  const { db, invoiceExpiryHours } = options;

  return async function handleOrderSubmitted(event: AnyCloudEvent, log: Logger): Promise<void> {
    if (event.type !== "swiftcloud.order.submitted") {
      throw new PermanentEventError(`${ordersConsumerName} does not handle ${event.type}`);
    }
    const orderLog = log.child({ orderId: event.data.orderId, userId: event.data.userId });
    let result: IssueInvoiceResult | undefined;
    const applied = await applyOnce(db, ordersConsumerName, event.id, async (tx) => {
      result = await issueInvoice(tx, event.data, { expiryHours: invoiceExpiryHours });
    });
    if (!applied || !result) {
      orderLog.info("billing.duplicate_event_skipped");
      return;
    }
    switch (result.outcome) {
      case "issued":
        orderLog.info(
          {
            invoiceId: result.invoiceId,
            invoiceNumber: result.number,
            totalMinor: result.totalMinor,
            currency: result.currency,
          },
          "billing.invoice_issued",
        );
        return;
      case "order_cancelled":
        orderLog.warn({ reason: result.reason }, "billing.order_cancelled_unpriceable");
        return;
      case "skipped":
        orderLog.info({ reason: result.reason }, "billing.order_skipped");
        return;
    }
  };
}
