import type { Payment } from "../../db/generated/client";
import { notFound } from "../../domain/errors";
import type { Database } from "../payment-provider";

/**
 * Finds the sandbox payment whose checkout is `providerRef` and that belongs
 * to `userId`. Throws not_found otherwise, with the same message for a
 * checkout that does not exist and one of another customer.
 */
export async function findCheckoutPayment(
  db: Database,
  userId: string,
  providerRef: string,
): Promise<Payment> {
  const payment = await db.payment.findUnique({ where: { providerRef } });
  if (!payment || payment.userId !== userId || payment.provider !== "sandbox") {
    throw notFound("Checkout");
  }
  return payment;
}

/** Returns the conflict message for a checkout used after it was confirmed or ended. */
export function closedCheckoutMessage(status: Payment["status"]): string {
  switch (status) {
    case "PROCESSING":
      return "This payment was already submitted and is being processed";
    case "SUCCEEDED":
      return "This payment has already succeeded";
    case "FAILED":
      return "This checkout has ended; start a new payment from the invoice";
    case "REQUIRES_CONFIRMATION":
      return "This checkout is still open";
  }
}

/** Page the customer goes to after leaving the checkout, relative to the portal's origin. */
export function invoicePagePath(invoiceId: string): string {
  return `/invoices/${invoiceId}`;
}
