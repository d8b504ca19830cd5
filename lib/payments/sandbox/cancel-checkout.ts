import type { PrismaClient } from "../../db/client";
import { DomainError } from "../../domain/errors";
import { assertTransition } from "../../domain/transitions";
import { enqueueEvent } from "../../outbox/enqueue-event";
import { lockInvoice, lockPayment } from "../lock-rows";
import { closedCheckoutMessage, findCheckoutPayment, invoicePagePath } from "./checkout-payment";
import type { CheckoutResult } from "./confirm-checkout";
import { checkoutCancelledReason } from "./sandbox-provider";

export interface CancelSandboxCheckoutInput {
  userId: string;
  providerRef: string;
}

/**
 * Ends a sandbox checkout the customer leaves without paying: the payment
 * fails with "Checkout cancelled" and a `payment.failed` event, and the
 * invoice stays open for another attempt. Leaving a checkout that has
 * already ended changes nothing. Throws not_found for another customer's
 * checkout and conflict once the card was submitted. The caller wakes the
 * outbox relay once this returns.
 */
export async function cancelSandboxCheckout(
  db: PrismaClient,
  input: CancelSandboxCheckoutInput,
): Promise<CheckoutResult> {
  const found = await findCheckoutPayment(db, input.userId, input.providerRef);
  const result = { invoiceId: found.invoiceId, redirectUrl: invoicePagePath(found.invoiceId) };

  return db.$transaction(
    async (tx) => {
      await lockInvoice(tx, found.invoiceId);
      await lockPayment(tx, found.id);
      const payment = await tx.payment.findUniqueOrThrow({ where: { id: found.id } });
      if (payment.status === "FAILED") return result;
      if (payment.status !== "REQUIRES_CONFIRMATION") {
        throw new DomainError("conflict", closedCheckoutMessage(payment.status));
      }
      const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: payment.invoiceId } });

      await tx.sandboxCheckout.updateMany({
        where: { id: payment.providerRef, status: "OPEN" },
        data: { status: "CANCELLED" },
      });
      assertTransition("payment", payment.status, "FAILED");
      await tx.payment.updateMany({
        where: { id: payment.id, status: "REQUIRES_CONFIRMATION" },
        data: { status: "FAILED", failureReason: checkoutCancelledReason },
      });
      await enqueueEvent(tx, "swiftcloud.payment.failed", payment.id, {
        userId: payment.userId,
        orderId: invoice.orderId,
        invoiceId: payment.invoiceId,
        paymentId: payment.id,
        reason: checkoutCancelledReason,
      });
      return result;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
