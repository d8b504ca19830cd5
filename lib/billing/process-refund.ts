import type { Logger } from "pino";
import type { PrismaClient } from "../db/client";
import type { Refund } from "../db/generated/client";
import { assertTransition } from "../domain/transitions";
import { enqueueEvent } from "../outbox/enqueue-event";
import { wakeOutboxRelay } from "../outbox/outbox-relay";
import {
  paymentProvider,
  type PaymentProvider,
  type ProviderRefund,
} from "../payments/payment-provider";
import { paymentCheckDelayMs } from "./payment-backoff";
import { refundReasonText } from "./record-refund";
import { withTimeout } from "./with-timeout";

export interface ProcessRefundOptions {
  db: PrismaClient;
  logger: Logger;
  /** Bound on one provider request, in ms. */
  providerTimeoutMs: number;
  /** Provider lookup; tests pass a faulty one to exercise the retry path. */
  providerFor?: (name: string, db: PrismaClient) => PaymentProvider;
}

export type ProcessRefundResult =
  /** Refund SUCCEEDED and `payment.refunded` enqueued. */
  | "succeeded"
  /** Refund FAILED because the provider rejected it, so support has to return the money. */
  | "failed"
  /** The provider has not decided yet, so it is asked again with backoff. */
  | "pending"
  /** The request failed or timed out, so it is retried with backoff. */
  | "provider_error"
  /** The refund was already final or does not exist, so nothing changed. */
  | "not_pending";

/**
 * Asks the provider to refund one claimed PENDING refund and records what it
 * reports. The Refund id is the idempotency key, so calling again after a
 * crash, a timeout or a `pending` response returns the provider's first refund
 * instead of refunding twice. Every path that returns clears the claim's
 * lease, while a thrown error leaves the lease to run out.
 */
export async function processRefund(
  options: ProcessRefundOptions,
  refundId: string,
): Promise<ProcessRefundResult> {
  const { db, logger } = options;
  const refund = await db.refund.findUnique({
    where: { id: refundId },
    include: {
      payment: { select: { provider: true, providerRef: true } },
      invoice: { select: { orderId: true } },
    },
  });
  if (!refund || refund.status !== "PENDING") {
    await db.refund.updateMany({
      where: { id: refundId },
      data: { nextAttemptAt: null, leaseUntil: null },
    });
    return "not_pending";
  }
  const log = logger.child({
    refundId,
    paymentId: refund.paymentId,
    invoiceId: refund.invoiceId,
    orderId: refund.invoice.orderId,
    attempt: refund.attempts + 1,
  });

  let reported: ProviderRefund;
  try {
    const provider = (options.providerFor ?? paymentProvider)(refund.payment.provider, db);
    reported = await withTimeout(
      provider.refundPayment({
        providerRef: refund.payment.providerRef,
        amountMinor: refund.amountMinor,
        reason: refundReasonText[refund.reason],
        idempotencyKey: refund.id,
      }),
      options.providerTimeoutMs,
      `${refund.payment.provider} provider timed out after ${options.providerTimeoutMs} ms`,
    );
  } catch (error: unknown) {
    const next = await reschedule(db, refund, null);
    log.warn({ err: error, nextAttemptAt: next }, "billing.refund_attempt_failed");
    return "provider_error";
  }

  if (reported.status === "pending") {
    const next = await reschedule(db, refund, reported.providerRefundRef);
    log.info({ nextAttemptAt: next }, "billing.refund_pending");
    return "pending";
  }
  const status = reported.status === "succeeded" ? "SUCCEEDED" : "FAILED";
  const completed = await completeRefund(db, refund, refund.invoice.orderId, status, reported);
  if (!completed) {
    log.info("billing.refund_already_final");
    return "not_pending";
  }
  if (status === "SUCCEEDED") {
    wakeOutboxRelay();
    log.info(
      { amountMinor: refund.amountMinor, currency: refund.currency, reason: refund.reason },
      "billing.refund_succeeded",
    );
    return "succeeded";
  }
  // Logged as an error because the customer is still owed the money.
  log.error({ reason: reported.failureReason }, "billing.refund_rejected_by_provider");
  return "failed";
}

/**
 * Moves a PENDING refund to the provider's final status in one transaction,
 * with `payment.refunded` on success. Returns false, changing nothing, when
 * another worker completed the refund first.
 */
async function completeRefund(
  db: PrismaClient,
  refund: Refund,
  orderId: string,
  status: "SUCCEEDED" | "FAILED",
  reported: ProviderRefund,
): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ status: string }[]>`
        select status from "Refund" where id = ${refund.id}::uuid for update`;
      if (locked[0]?.status !== "PENDING") return false;

      assertTransition("refund", "PENDING", status);
      await tx.refund.update({
        where: { id: refund.id },
        data: {
          status,
          providerRefundRef: reported.providerRefundRef,
          failureReason: status === "FAILED" ? (reported.failureReason ?? "Refund failed") : null,
          attempts: refund.attempts + 1,
          completedAt: new Date(),
          nextAttemptAt: null,
          leaseUntil: null,
        },
      });
      if (status === "SUCCEEDED") {
        await enqueueEvent(tx, "swiftcloud.payment.refunded", refund.paymentId, {
          userId: refund.userId,
          orderId,
          invoiceId: refund.invoiceId,
          paymentId: refund.paymentId,
          refundId: refund.id,
          amountMinor: refund.amountMinor,
          currency: refund.currency,
          reason: refund.reason,
        });
      }
      return true;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

/**
 * Counts an attempt that settled nothing, schedules the next one with the
 * payment checks' backoff and releases the lease. Returns the next attempt's time.
 */
async function reschedule(
  db: PrismaClient,
  refund: Refund,
  providerRefundRef: string | null,
): Promise<Date> {
  const attempts = refund.attempts + 1;
  const next = new Date(Date.now() + paymentCheckDelayMs(attempts));
  await db.refund.updateMany({
    where: { id: refund.id, status: "PENDING" },
    data: {
      attempts,
      nextAttemptAt: next,
      leaseUntil: null,
      ...(providerRefundRef === null ? {} : { providerRefundRef }),
    },
  });
  return next;
}
