import { billingEnv } from "../../lib/billing/billing-env";
import { startInvoiceExpiryLoop } from "../../lib/billing/invoice-expiry-loop";
import { startPaymentCheckLoop } from "../../lib/billing/payment-check-loop";
import { startRefundLoop } from "../../lib/billing/refund-loop";
import type { WorkerSetup } from "../../lib/worker/worker-host";
import { createOrderSubmittedHandler, ordersConsumerName } from "./handlers/order-submitted";
import { createPaymentInitiatedHandler, paymentsConsumerName } from "./handlers/payment-initiated";
import { createResourceFailedHandler, resourcesConsumerName } from "./handlers/resource-failed";

export interface BillingSetupOptions {
  /** Overrides INVOICE_EXPIRY_HOURS. */
  invoiceExpiryHours?: number;
  paymentCheckIntervalMs?: number;
  invoiceExpiryIntervalMs?: number;
  refundIntervalMs?: number;
}

/** Consumers of the billing worker, for tests that clean up its queues. */
export const billingConsumerNames = [
  ordersConsumerName,
  paymentsConsumerName,
  resourcesConsumerName,
];

/**
 * Builds the billing worker's setup: the `billing.orders`,
 * `billing.payments` and `billing.resources` consumers, the payment status
 * loop, the refund loop and the invoice expiry loop. The loops stop on
 * shutdown after the consumers.
 */
export function createBillingSetup(options: BillingSetupOptions = {}): WorkerSetup {
  return (context) => {
    const { db, logger } = context;
    const invoiceExpiryHours = options.invoiceExpiryHours ?? billingEnv().INVOICE_EXPIRY_HOURS;

    const refunds = startRefundLoop({ db, logger, intervalMs: options.refundIntervalMs });
    context.onShutdown(() => refunds.stop());
    const paymentChecks = startPaymentCheckLoop({
      db,
      logger,
      intervalMs: options.paymentCheckIntervalMs,
      onRefundDue: () => refunds.wake(),
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
    // Recording a refund is a few queries, because the refund loop calls the provider.
    context.consume({
      name: resourcesConsumerName,
      types: ["swiftcloud.resource.failed"],
      prefetch: 8,
      handle: createResourceFailedHandler({ db, onRefundRecorded: () => refunds.wake() }),
    });
    logger.info({ invoiceExpiryHours }, "billing.setup_complete");
  };
}

/** The billing worker's setup, configured from the environment. */
export const setupBilling: WorkerSetup = (context) => createBillingSetup()(context);
