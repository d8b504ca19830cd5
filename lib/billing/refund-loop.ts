import type { Logger } from "pino";
import type { PrismaClient } from "../db/client";
import type { PaymentProvider } from "../payments/payment-provider";
import { startPollingLoop, type PollingLoop } from "./polling-loop";
import { processRefund } from "./process-refund";

export interface RefundLoopOptions {
  db: PrismaClient;
  logger: Logger;
  /** Pause between two looks for due refunds, in ms. */
  intervalMs?: number;
  /** Refunds claimed and sent together in one round. */
  batchSize?: number;
  /**
   * How long a claim keeps other workers off a refund, in ms. It must outlast
   * one provider call, the timeout included.
   */
  leaseMs?: number;
  providerTimeoutMs?: number;
  providerFor?: (name: string, db: PrismaClient) => PaymentProvider;
}

/**
 * Claims up to `limit` PENDING refunds whose next attempt is due and that no
 * live lease covers, and leases them to this worker until `leaseUntil`. SKIP
 * LOCKED lets several billing workers claim at once without waiting on each
 * other's rows.
 */
export async function claimDueRefunds(
  db: PrismaClient,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<string[]> {
  // The casts match the zone-free timestamp(3) columns, as in claimDuePayments.
  const rows = await db.$queryRaw<{ id: string }[]>`
    update "Refund" set "leaseUntil" = ${leaseUntil}::timestamp
    where id in (
      select id from "Refund"
      where status = 'PENDING'
        and "nextAttemptAt" <= ${now}::timestamp
        and ("leaseUntil" is null or "leaseUntil" <= ${now}::timestamp)
      order by "nextAttemptAt"
      limit ${limit}
      for update skip locked)
    returning id`;
  return rows.map((row) => row.id);
}

/**
 * Starts the refund loop: about every 250 ms it claims due refunds and sends
 * them to their provider. A refund is recorded PENDING in the transaction
 * that decides it, so a worker that stops between that commit and the
 * provider call leaves a row that the next worker picks up.
 */
export function startRefundLoop(options: RefundLoopOptions): PollingLoop {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 30_000;
  const providerTimeoutMs = options.providerTimeoutMs ?? 10_000;
  const refundOptions = { db, logger, providerTimeoutMs, providerFor: options.providerFor };

  return startPollingLoop({
    name: "refund",
    intervalMs: options.intervalMs ?? 250,
    logger,
    tick: async () => {
      const now = new Date();
      const ids = await claimDueRefunds(db, now, new Date(now.getTime() + leaseMs), batchSize);
      const results = await Promise.allSettled(ids.map((id) => processRefund(refundOptions, id)));
      results.forEach((result, index) => {
        if (result.status === "rejected") {
          // The lease stays until it runs out, so the refund is retried then.
          logger.error({ err: result.reason, refundId: ids[index] }, "billing.refund_error");
        }
      });
      return ids.length === batchSize;
    },
  });
}
