import { randomBytes } from "node:crypto";
import type { Database, PaymentProvider, ProviderPayment } from "../payment-provider";
import { refundSandboxCheckout } from "./sandbox-refund";

/** Reason reported for a checkout the customer left without paying. */
export const checkoutCancelledReason = "Checkout cancelled";

/** Path of the hosted sandbox checkout page of `providerRef`, served by the portal itself. */
export function sandboxCheckoutPath(providerRef: string): string {
  return `/sandbox/checkout/${encodeURIComponent(providerRef)}`;
}

/** Generates a checkout id, like `sbx_5f0c…`: 96 random bits, so ids cannot be guessed. */
function newCheckoutId(): string {
  return `sbx_${randomBytes(12).toString("hex")}`;
}

/**
 * Creates the built-in sandbox provider. Its "provider side" is the SandboxCheckout
 * table: a checkout starts OPEN, the hosted page records the test card's
 * outcome, and `retrievePayment` reads it back the way a real provider's API
 * would report it. Refunds live in the SandboxRefund table.
 */
export function createSandboxProvider(db: Database): PaymentProvider {
  return {
    name: "sandbox",

    async createCheckout({ amountMinor, currency, reference, returnUrl }) {
      const id = newCheckoutId();
      await db.sandboxCheckout.create({ data: { id, amountMinor, currency, reference } });
      // The sandbox page is part of the portal, so it shares the return URL's origin.
      const checkoutUrl = new URL(sandboxCheckoutPath(id), returnUrl).toString();
      return { providerRef: id, checkoutUrl };
    },

    async retrievePayment(providerRef): Promise<ProviderPayment> {
      const checkout = await db.sandboxCheckout.findUnique({ where: { id: providerRef } });
      if (!checkout) throw new Error(`sandbox checkout ${providerRef} not found`);
      switch (checkout.status) {
        case "OPEN":
          return { status: "requires_confirmation" };
        case "PROCESSING": {
          if (checkout.settlesAt === null || checkout.settlesAt.getTime() > Date.now()) {
            return { status: "processing" };
          }
          // The slow test card settles once its time has come; recording it keeps
          // the status the sandbox reports stable for later reads.
          await db.sandboxCheckout.updateMany({
            where: { id: providerRef, status: "PROCESSING" },
            data: { status: "SUCCEEDED" },
          });
          return { status: "succeeded" };
        }
        case "SUCCEEDED":
          return { status: "succeeded" };
        case "DECLINED":
          return {
            status: "declined",
            failureReason: checkout.declineReason ?? "Your card was declined.",
            failureCode: checkout.declineCode ?? "card_declined",
          };
        case "CANCELLED":
          return { status: "cancelled", failureReason: checkoutCancelledReason };
      }
    },

    refundPayment(input) {
      return refundSandboxCheckout(db, input);
    },
  };
}
