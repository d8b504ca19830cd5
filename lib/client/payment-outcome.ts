import type { PaymentView } from "../api/views";

/**
 * The failure reason the sandbox provider stores when the customer leaves its
 * checkout without paying. It repeats `checkoutCancelledReason` of
 * lib/payments/sandbox/sandbox-provider.ts, which the browser cannot import
 * because that module uses node:crypto. Keep the two equal.
 */
const checkoutCancelledReason = "Checkout cancelled";

/**
 * Checks that a payment failed because the customer left the checkout, not
 * because the card was declined, so the page can offer "Pay" in place of an
 * error.
 */
export function isCancelledCheckout(payment: PaymentView): boolean {
  return payment.status === "FAILED" && payment.failureReason === checkoutCancelledReason;
}
