import type { Logger } from "pino";
import { schedulePaymentCheck } from "../../../lib/billing/schedule-payment-check";
import type { PrismaClient } from "../../../lib/db/client";
import type { AnyCloudEvent } from "../../../lib/events/catalog";
import { PermanentEventError } from "../../../lib/messaging/consumer";
import { applyOnce } from "../../../lib/messaging/inbox";

/** Consumer of `payment.initiated`; also names its queue and inbox rows. */
export const paymentsConsumerName = "billing.payments";

export interface PaymentInitiatedHandlerOptions {
  db: PrismaClient;
  /** Called after a check was scheduled, so the status loop runs it at once. */
  onScheduled: () => void;
}

/**
 * Handles `payment.initiated` by scheduling the payment's first status check
 * in the database and returning, so the delivery is acked at once however
 * long the payment takes.
 */
export function createPaymentInitiatedHandler(options: PaymentInitiatedHandlerOptions) {
  const { db, onScheduled } = options;

  return async function handlePaymentInitiated(event: AnyCloudEvent, log: Logger): Promise<void> {
    if (event.type !== "swiftcloud.payment.initiated") {
      throw new PermanentEventError(`${paymentsConsumerName} does not handle ${event.type}`);
    }
    const { paymentId, invoiceId } = event.data;
    const paymentLog = log.child({ paymentId, invoiceId, userId: event.data.userId });
    let scheduled = false;
    const applied = await applyOnce(db, paymentsConsumerName, event.id, async (tx) => {
      scheduled = await schedulePaymentCheck(tx, paymentId);
    });
    if (!applied) {
      paymentLog.info("billing.duplicate_event_skipped");
      return;
    }
    if (!scheduled) {
      // Already settled, or the check is scheduled: nothing is left to do.
      paymentLog.info("billing.payment_check_not_needed");
      return;
    }
    paymentLog.info("billing.payment_check_scheduled");
    onScheduled();
  };
}
