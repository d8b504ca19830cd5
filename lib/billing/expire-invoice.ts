import type { Logger } from "pino";
import type { PrismaClient } from "../db/client";
import { assertTransition } from "../domain/transitions";
import { enqueueEvent } from "../outbox/enqueue-event";

/** Reason an order is cancelled with when its invoice expires unpaid. */
export const invoiceExpiredReason = "The invoice expired before it was paid";

/** Reason an unconfirmed checkout fails with when its invoice expires. */
export const checkoutExpiredReason = "Invoice expired before the checkout was completed";

export type ExpireResult =
  | { outcome: "expired"; invoiceId: string; orderId: string; failedPayments: number }
  | { outcome: "none_due" };

/**
 * Voids one OPEN invoice past its expiresAt, in one transaction: the invoice
 * becomes VOID, its order CANCELLED, its unconfirmed payments FAILED, with
 * `invoice.expired`, `order.cancelled` and one `payment.failed` per payment.
 * An invoice with a PROCESSING payment is left alone, because the status loop
 * fails that payment at the same expiry and the next round voids the invoice.
 * The invoice is claimed with SKIP LOCKED, so concurrent workers each take a
 * different one and never wait on a checkout that holds its lock.
 */
export async function expireNextInvoice(
  db: PrismaClient,
  log: Logger,
  now: Date = new Date(),
): Promise<ExpireResult> {
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        select i.id from "Invoice" i
        where i.status = 'OPEN'
          and i."expiresAt" <= ${now}::timestamp
          and not exists (
            select 1 from "Payment" p where p."invoiceId" = i.id and p.status = 'PROCESSING')
        order by i."expiresAt"
        limit 1
        for update of i skip locked`;
      const invoiceId = claimed[0]?.id;
      if (!invoiceId) return { outcome: "none_due" };

      const invoice = await tx.invoice.findUniqueOrThrow({
        where: { id: invoiceId },
        include: { order: { select: { id: true, status: true } } },
      });
      const orderId = invoice.orderId;

      assertTransition("invoice", invoice.status, "VOID");
      await tx.invoice.updateMany({
        where: { id: invoiceId, status: "OPEN" },
        data: { status: "VOID", voidedAt: now },
      });

      if (invoice.order.status === "INVOICED") {
        assertTransition("order", invoice.order.status, "CANCELLED");
        await tx.order.updateMany({
          where: { id: orderId, status: "INVOICED" },
          data: { status: "CANCELLED", cancelReason: invoiceExpiredReason },
        });
        await enqueueEvent(tx, "swiftcloud.order.cancelled", orderId, {
          userId: invoice.userId,
          orderId,
          reason: invoiceExpiredReason,
        });
      } else {
        log.warn(
          { invoiceId, orderId, orderStatus: invoice.order.status },
          "billing.expired_invoice_order_not_invoiced",
        );
      }

      // Payments are locked after the invoice, the same order every payment
      // operation uses, so this cannot deadlock with a checkout.
      const unconfirmed = await tx.$queryRaw<{ id: string; userId: string }[]>`
        select id, "userId" from "Payment"
        where "invoiceId" = ${invoiceId}::uuid and status = 'REQUIRES_CONFIRMATION'
        for update`;
      for (const payment of unconfirmed) {
        assertTransition("payment", "REQUIRES_CONFIRMATION", "FAILED");
        await tx.payment.updateMany({
          where: { id: payment.id, status: "REQUIRES_CONFIRMATION" },
          data: { status: "FAILED", failureReason: checkoutExpiredReason },
        });
        await enqueueEvent(tx, "swiftcloud.payment.failed", payment.id, {
          userId: payment.userId,
          orderId,
          invoiceId,
          paymentId: payment.id,
          reason: checkoutExpiredReason,
        });
      }

      await enqueueEvent(tx, "swiftcloud.invoice.expired", invoiceId, {
        userId: invoice.userId,
        orderId,
        invoiceId,
      });
      return { outcome: "expired", invoiceId, orderId, failedPayments: unconfirmed.length };
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
