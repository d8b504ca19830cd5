import type { Logger } from "pino";
import type { PrismaClient, Transaction } from "../db/client";
import type { Payment } from "../db/generated/client";
import { assertTransition } from "../domain/transitions";
import { enqueueEvent } from "../outbox/enqueue-event";
import { lockInvoice, lockPayment } from "../payments/lock-rows";
import { recordRefund } from "./record-refund";

export type PaymentOutcome = { kind: "succeeded" } | { kind: "failed"; reason: string };

export type SettleResult =
  /** Payment SUCCEEDED, invoice and order PAID, `payment.succeeded` enqueued. */
  | "succeeded"
  /** Payment FAILED, `payment.failed` enqueued; the invoice stays open. */
  | "failed"
  /**
   * The provider took the money but the invoice was no longer open: payment
   * FAILED with `payment.failed`, and a PENDING Refund recorded for the refund loop.
   */
  | "refund_due"
  /** The payment had already left PROCESSING; nothing changed. */
  | "already_settled"
  | "not_found";

/** Reason a payment fails with when the provider settles it after its invoice was voided. */
export const voidedBeforeSettlementReason =
  "Invoice was voided before payment settled; the payment is refunded";

/**
 * Applies a provider's final result to a PROCESSING payment in one
 * transaction: on success the payment, its invoice and its order all become
 * paid with `payment.succeeded`; on failure the payment fails with
 * `payment.failed` and the invoice stays open for another attempt. A success
 * on an invoice that is no longer open fails the payment and records its
 * refund in the same transaction, which the refund loop then sends. Safe to
 * call more than once and from several processes, because it acts only on a
 * payment still PROCESSING under its row lock. The status loop calls it
 * today, and a provider webhook can call it later.
 */
export async function settlePayment(
  db: PrismaClient,
  paymentId: string,
  outcome: PaymentOutcome,
  log: Logger,
): Promise<SettleResult> {
  return db.$transaction(
    async (tx) => {
      const located = await tx.payment.findUnique({
        where: { id: paymentId },
        select: { invoiceId: true },
      });
      if (!located) return "not_found";
      await lockInvoice(tx, located.invoiceId);
      await lockPayment(tx, paymentId);

      const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
      if (payment.status !== "PROCESSING") return "already_settled";
      const invoice = await tx.invoice.findUniqueOrThrow({
        where: { id: payment.invoiceId },
        include: { order: { select: { id: true, status: true } } },
      });

      if (outcome.kind === "failed") {
        await failPayment(tx, payment, invoice.orderId, outcome.reason);
        return "failed";
      }
      if (invoice.status !== "OPEN") {
        log.warn(
          { invoiceId: invoice.id, orderId: invoice.orderId, invoiceStatus: invoice.status },
          "billing.payment_settled_after_void",
        );
        // The refund loop calls the provider after the commit. A crash before
        // it rolls all of this back, and one after it leaves a PENDING refund.
        await failPayment(tx, payment, invoice.orderId, voidedBeforeSettlementReason);
        await recordRefund(tx, payment, "INVOICE_VOIDED");
        return "refund_due";
      }

      const settledAt = new Date();
      assertTransition("payment", payment.status, "SUCCEEDED");
      assertTransition("invoice", invoice.status, "PAID");
      assertTransition("order", invoice.order.status, "PAID");
      await expectOne(
        tx.payment.updateMany({
          where: { id: payment.id, status: "PROCESSING" },
          data: { status: "SUCCEEDED", settledAt, nextCheckAt: null, checkLeaseUntil: null },
        }),
        `payment ${payment.id}`,
      );
      await expectOne(
        tx.invoice.updateMany({
          where: { id: invoice.id, status: "OPEN" },
          data: { status: "PAID", paidAt: settledAt },
        }),
        `invoice ${invoice.id}`,
      );
      await expectOne(
        tx.order.updateMany({
          where: { id: invoice.orderId, status: "INVOICED" },
          data: { status: "PAID" },
        }),
        `order ${invoice.orderId}`,
      );
      await enqueueEvent(tx, "swiftcloud.payment.succeeded", payment.id, {
        userId: payment.userId,
        orderId: invoice.orderId,
        invoiceId: invoice.id,
        paymentId: payment.id,
        amountMinor: payment.amountMinor,
        currency: payment.currency,
      });
      return "succeeded";
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

/** Moves a locked PROCESSING payment to FAILED and enqueues `payment.failed`. */
async function failPayment(tx: Transaction, payment: Payment, orderId: string, reason: string) {
  assertTransition("payment", payment.status, "FAILED");
  await expectOne(
    tx.payment.updateMany({
      where: { id: payment.id, status: payment.status },
      data: { status: "FAILED", failureReason: reason, nextCheckAt: null, checkLeaseUntil: null },
    }),
    `payment ${payment.id}`,
  );
  await enqueueEvent(tx, "swiftcloud.payment.failed", payment.id, {
    userId: payment.userId,
    orderId,
    invoiceId: payment.invoiceId,
    paymentId: payment.id,
    reason,
  });
}

/**
 * Checks that a conditional update changed exactly one row. The rows are
 * locked, so anything else is a bug, and throwing rolls the transaction back.
 */
async function expectOne(update: Promise<{ count: number }>, rowName: string): Promise<void> {
  const { count } = await update;
  if (count !== 1)
    throw new Error(`${rowName} was not in the expected status; changed ${count} rows`);
}
