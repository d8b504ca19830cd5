import type { Transaction } from "../db/client";
import { PermanentEventError } from "../messaging/consumer";
import { lockInvoice } from "../payments/lock-rows";
import { recordRefund } from "./record-refund";

export type RefundOrderResult =
  | { outcome: "recorded"; refundId: string; paymentId: string; invoiceId: string }
  | { outcome: "already_refunded"; refundId: string; paymentId: string; invoiceId: string }
  | { outcome: "no_payment"; reason: string };

/**
 * Records a full refund of the succeeded payment of an order whose resource
 * failed, in the caller's transaction. The invoice stays PAID, because it
 * records what was charged, and the Refund records what went back. Throws
 * PermanentEventError when the order's invoice belongs to another user than
 * the event names, so such an event goes to the dead-letter queue.
 */
export async function refundOrderPayment(
  tx: Transaction,
  input: { orderId: string; userId: string },
): Promise<RefundOrderResult> {
  const invoice = await tx.invoice.findUnique({
    where: { orderId: input.orderId },
    select: { id: true, userId: true },
  });
  if (!invoice) return { outcome: "no_payment", reason: "the order has no invoice" };
  if (invoice.userId !== input.userId) {
    throw new PermanentEventError(
      `order ${input.orderId} belongs to another user than the event names`,
    );
  }

  // The invoice lock comes before any payment row, the order every payment
  // operation uses, so this waits for a settlement in progress.
  await lockInvoice(tx, invoice.id);
  const payment = await tx.payment.findFirst({
    where: { invoiceId: invoice.id, status: "SUCCEEDED" },
  });
  if (!payment) return { outcome: "no_payment", reason: "the invoice has no succeeded payment" };

  const { refundId, created } = await recordRefund(tx, payment, "RESOURCE_FAILED");
  const ids = { refundId, paymentId: payment.id, invoiceId: invoice.id };
  return created ? { outcome: "recorded", ...ids } : { outcome: "already_refunded", ...ids };
}
