import { billingEnv } from "../../lib/billing/billing-env";
import { startInvoiceExpiryLoop } from "../../lib/billing/invoice-expiry-loop";
import { startPaymentCheckLoop } from "../../lib/billing/payment-check-loop";
import type { WorkerSetup } from "../../lib/worker/worker-host";
import { createOrderSubmittedHandler, ordersConsumerName } from "./handlers/order-submitted";
import { createPaymentInitiatedHandler, paymentsConsumerName } from "./handlers/payment-initiated";

export interface BillingSetupOptions {
  /** Overrides INVOICE_EXPIRY_HOURS. */
  invoiceExpiryHours?: number;
  paymentCheckIntervalMs?: number;
  invoiceExpiryIntervalMs?: number;
}

/** Consumers of the billing worker, for tests that clean up its queues. */
export const billingConsumerNames = [ordersConsumerName, paymentsConsumerName];

/**
 * Builds the billing worker's setup: the `billing.orders` and
 * `billing.payments` consumers, the payment status loop and the invoice
 * expiry loop. The loops stop on shutdown after the consumers.
 */
export function createBillingSetup(options: BillingSetupOptions = {}): WorkerSetup {
  return (context) => {
    const { db, logger } = context;
    const invoiceExpiryHours = options.invoiceExpiryHours ?? billingEnv().INVOICE_EXPIRY_HOURS;

    const paymentChecks = startPaymentCheckLoop({
      db,
      logger,
      intervalMs: options.paymentCheckIntervalMs,
    });
    context.onShutdown(() => paymentChecks.stop());
    const invoiceExpiry = startInvoiceExpiryLoop({
      db,
      logger,
      intervalMs: options.invoiceExpiryIntervalMs,
    });
    context.onShutdown(() => invoiceExpiry.stop());

    // Pricing one order is a few queries in one transaction; 8 at a time
    // keeps the worker busy without taking every database connection.
    context.consume({
      name: ordersConsumerName,
      types: ["swiftcloud.order.submitted"],
      prefetch: 8,
      handle: createOrderSubmittedHandler({ db, invoiceExpiryHours }),
    });
    // Scheduling a check is one update, so more deliveries may be in hand.
    context.consume({
      name: paymentsConsumerName,
      types: ["swiftcloud.payment.initiated"],
      prefetch: 16,
      handle: createPaymentInitiatedHandler({ db, onScheduled: () => paymentChecks.wake() }),
    });
    logger.info({ invoiceExpiryHours }, "billing.setup_complete");
  };
}

/** The billing worker's setup, configured from the environment. */
export const setupBilling: WorkerSetup = (context) => createBillingSetup()(context);
