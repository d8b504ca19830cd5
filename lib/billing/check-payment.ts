import type { Logger } from "pino";
import type { PrismaClient } from "../db/client";
import type { Payment } from "../db/generated/client";
import { wakeOutboxRelay } from "../outbox/outbox-relay";
import {
  paymentProvider,
  type PaymentProvider,
  type ProviderPayment,
} from "../payments/payment-provider";
import { paymentCheckDelayMs } from "./payment-backoff";
import { settlePayment, type SettleResult } from "./settle-payment";
import { withTimeout } from "./with-timeout";

/** Reason a payment fails with when it is still processing at its invoice's expiry. */
export const expiredBeforeSettlementReason = "Invoice expired before the payment settled";

export interface CheckPaymentOptions {
  db: PrismaClient;
  logger: Logger;
  /** Bound on one provider request, in ms. */
  providerTimeoutMs: number;
  /** Provider lookup; tests pass a faulty one to exercise the retry path. */
  providerFor?: (name: string, db: PrismaClient) => PaymentProvider;
  /** Called after a settlement recorded a refund, so the refund loop sends it at once. */
  onRefundDue?: () => void;
}

export type CheckResult = SettleResult | "rescheduled" | "provider_error" | "not_processing";

/**
 * Asks the provider about one claimed PROCESSING payment and acts on the
 * reported status. It settles the payment on success, decline or
 * cancellation, fails it once its invoice has expired, and otherwise
 * schedules the next check with backoff. A provider error is logged and
 * retried with the same backoff. Every path that returns clears the claim's
 * lease, while a thrown error leaves the lease to run out.
 */
export async function checkPayment(
  options: CheckPaymentOptions,
  paymentId: string,
): Promise<CheckResult> {
  const { db, logger } = options;
  const payment = await db.payment.findUnique({
    where: { id: paymentId },
    include: { invoice: { select: { expiresAt: true, orderId: true } } },
  });
  if (!payment || payment.status !== "PROCESSING") {
    await db.payment.updateMany({
      where: { id: paymentId },
      data: { nextCheckAt: null, checkLeaseUntil: null },
    });
    return "not_processing";
  }
  const log = logger.child({
    paymentId,
    invoiceId: payment.invoiceId,
    orderId: payment.invoice.orderId,
    attempt: payment.checkAttempts + 1,
  });
  const expiresAt = payment.invoice.expiresAt;

  let reported: ProviderPayment;
  try {
    const provider = (options.providerFor ?? paymentProvider)(payment.provider, db);
    reported = await withTimeout(
      provider.retrievePayment(payment.providerRef),
      options.providerTimeoutMs,
      `${payment.provider} provider timed out after ${options.providerTimeoutMs} ms`,
    );
  } catch (error: unknown) {
    // Not bounded by the invoice's expiry: without the provider's status the
    // money may have moved, so failing the payment could hide a charge.
    const next = await reschedule(db, payment, null);
    log.warn({ err: error, nextCheckAt: next }, "billing.payment_check_failed");
    return "provider_error";
  }

  switch (reported.status) {
    case "succeeded":
      return settle(options, log, paymentId, { kind: "succeeded" });
    case "declined":
    case "cancelled": {
      const reason = reported.failureReason ?? `Payment ${reported.status} by the provider`;
      return settle(options, log, paymentId, { kind: "failed", reason });
    }
    case "requires_confirmation":
    case "processing": {
      if (reported.status === "requires_confirmation") {
        // The portal only checks payments the customer confirmed, so the
        // provider is behind; treat it like processing and ask again.
        log.warn("billing.payment_unconfirmed_at_provider");
      }
      if (Date.now() >= expiresAt.getTime()) {
        return settle(options, log, paymentId, {
          kind: "failed",
          reason: expiredBeforeSettlementReason,
        });
      }
      const next = await reschedule(db, payment, expiresAt);
      log.debug({ nextCheckAt: next }, "billing.payment_still_processing");
      return "rescheduled";
    }
  }
}

async function settle(
  options: CheckPaymentOptions,
  log: Logger,
  paymentId: string,
  outcome: Parameters<typeof settlePayment>[2],
): Promise<CheckResult> {
  const result = await settlePayment(options.db, paymentId, outcome, log);
  if (result === "succeeded" || result === "failed" || result === "refund_due") {
    wakeOutboxRelay();
  }
  if (result === "refund_due") options.onRefundDue?.();
  const reason = outcome.kind === "failed" ? outcome.reason : undefined;
  const event = result === "succeeded" ? "billing.payment_succeeded" : "billing.payment_failed";
  if (result === "already_settled" || result === "not_found") {
    log.info({ result }, "billing.payment_settle_skipped");
  } else {
    log.info({ result, reason }, event);
  }
  return result;
}

/**
 * Counts a check that settled nothing, schedules the next one with backoff
 * (no later than `deadline`, when given) and releases the lease. Returns the
 * time of the next check.
 */
async function reschedule(
  db: PrismaClient,
  payment: Payment,
  deadline: Date | null,
): Promise<Date> {
  const attempts = payment.checkAttempts + 1;
  let next = new Date(Date.now() + paymentCheckDelayMs(attempts));
  if (deadline && next > deadline) next = deadline;
  await db.payment.updateMany({
    where: { id: payment.id, status: "PROCESSING" },
    data: { checkAttempts: attempts, nextCheckAt: next, checkLeaseUntil: null },
  });
  return next;
}
