import type { Logger } from "pino";
import type { PrismaClient } from "../db/client";
import { wakeOutboxRelay } from "../outbox/outbox-relay";
import { expireNextInvoice } from "./expire-invoice";
import { startPollingLoop, type PollingLoop } from "./polling-loop";

export interface InvoiceExpiryLoopOptions {
  db: PrismaClient;
  logger: Logger;
  /** Pause between two looks for expired invoices, in ms. */
  intervalMs?: number;
  /** Invoices voided in one round before the loop yields. */
  batchSize?: number;
}

/**
 * Starts the loop that voids OPEN invoices past their expiry. Each invoice is
 * voided in its own transaction, so one bad row cannot hold back the rest.
 */
export function startInvoiceExpiryLoop(options: InvoiceExpiryLoopOptions): PollingLoop {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 20;

  return startPollingLoop({
    name: "invoice-expiry",
    // Expiry is measured in hours, so a second of lateness does not matter.
    intervalMs: options.intervalMs ?? 1_000,
    logger,
    tick: async () => {
      for (let done = 0; done < batchSize; done++) {
        const result = await expireNextInvoice(db, logger);
        if (result.outcome === "none_due") return false;
        wakeOutboxRelay();
        logger.info(
          {
            invoiceId: result.invoiceId,
            orderId: result.orderId,
            failedPayments: result.failedPayments,
          },
          "billing.invoice_expired",
        );
      }
      return true;
    },
  });
}
