import type { Logger } from "pino";
import type { PrismaClient } from "../db/client";
import type { PaymentProvider } from "../payments/payment-provider";
import { checkPayment } from "./check-payment";
import { startPollingLoop, type PollingLoop } from "./polling-loop";

export interface PaymentCheckLoopOptions {
  db: PrismaClient;
  logger: Logger;
  /** Pause between two looks for due payments, in ms. */
  intervalMs?: number;
  /** Payments claimed and checked together in one round. */
  batchSize?: number;
  /**
   * How long a claim keeps other workers off a payment, in ms. It must
   * outlast one check, the provider timeout included; a worker that dies
   * mid-check lets the payment be checked again once it runs out.
   */
  leaseMs?: number;
  providerTimeoutMs?: number;
  providerFor?: (name: string, db: PrismaClient) => PaymentProvider;
  /** Called after a settlement recorded a refund, so the refund loop sends it at once. */
  onRefundDue?: () => void;
}

/**
 * Claims up to `limit` PROCESSING payments whose next check is due and that
 * no live lease covers, and leases them to this worker until `leaseUntil`.
 * SKIP LOCKED lets several billing workers claim at once without waiting on,
 * or taking, each other's rows.
 */
export async function claimDuePayments(
  db: PrismaClient,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<string[]> {
  // Prisma sends a Date as a UTC timestamp without zone, which matches the
  // timestamp(3) columns it writes; the casts keep the comparison zone-free.
  const rows = await db.$queryRaw<{ id: string }[]>`
    update "Payment" set "checkLeaseUntil" = ${leaseUntil}::timestamp
    where id in (
      select id from "Payment"
      where status = 'PROCESSING'
        and "nextCheckAt" <= ${now}::timestamp
        and ("checkLeaseUntil" is null or "checkLeaseUntil" <= ${now}::timestamp)
      order by "nextCheckAt"
      limit ${limit}
      for update skip locked)
    returning id`;
  return rows.map((row) => row.id);
}

/**
 * Starts the payment status loop: about every 250 ms it claims due payments
 * and checks them with their provider. All of its state is in the Payment
 * table (nextCheckAt, checkAttempts, checkLeaseUntil), so a restarted worker
 * resumes where the last one stopped.
 */
export function startPaymentCheckLoop(options: PaymentCheckLoopOptions): PollingLoop {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 30_000;
  const providerTimeoutMs = options.providerTimeoutMs ?? 10_000;
  const checkOptions = {
    db,
    logger,
    providerTimeoutMs,
    providerFor: options.providerFor,
    onRefundDue: options.onRefundDue,
  };

  return startPollingLoop({
    name: "payment-check",
    intervalMs: options.intervalMs ?? 250,
    logger,
    tick: async () => {
      const now = new Date();
      const ids = await claimDuePayments(db, now, new Date(now.getTime() + leaseMs), batchSize);
      const results = await Promise.allSettled(ids.map((id) => checkPayment(checkOptions, id)));
      results.forEach((result, index) => {
        if (result.status === "rejected") {
          // The lease stays until it runs out, so the check is retried then.
          logger.error(
            { err: result.reason, paymentId: ids[index] },
            "billing.payment_check_error",
          );
        }
      });
      return ids.length === batchSize;
    },
  });
}
