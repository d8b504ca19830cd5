import type { PrismaClient, Transaction } from "../db/client";
import { createSandboxProvider } from "./sandbox/sandbox-provider";

/** A Prisma client or an open transaction; providers that keep state write through it. */
export type Database = PrismaClient | Transaction;

export interface CreateCheckoutInput {
  amountMinor: number;
  /** ISO 4217 code. */
  currency: string;
  /** The portal's id for what is paid, like an invoice number; shown on the checkout. */
  reference: string;
  /** Absolute URL the customer returns to after the checkout. */
  returnUrl: string;
}

export interface Checkout {
  /** The provider's id of this checkout; the portal stores it as Payment.providerRef. */
  providerRef: string;
  /** Absolute URL of the provider's hosted checkout page. */
  checkoutUrl: string;
}

/**
 * Status of a payment as its provider reports it. `declined` is an attempt that failed
 * and may be retried with another card; `cancelled` means the customer or the
 * provider ended the checkout. Both are final for this payment.
 */
export type ProviderPaymentStatus =
  "requires_confirmation" | "processing" | "succeeded" | "declined" | "cancelled";

export interface ProviderPayment {
  status: ProviderPaymentStatus;
  /** Shown to the customer for `declined` and `cancelled`. */
  failureReason?: string;
  /** Machine-readable decline code, like `insufficient_funds`. */
  failureCode?: string;
}

/**
 * A payment provider as the portal uses it. The sandbox provider implements
 * it today; a Stripe implementation plugs in through the same two calls.
 * Both may throw on a provider or network error, which callers retry.
 */
export interface PaymentProvider {
  readonly name: string;
  createCheckout(input: CreateCheckoutInput): Promise<Checkout>;
  retrievePayment(providerRef: string): Promise<ProviderPayment>;
}

/** Names accepted by `paymentProvider`. */
export const paymentProviderNames = ["sandbox"] as const;
export type PaymentProviderName = (typeof paymentProviderNames)[number];

/**
 * Returns the provider called `name`, stored on every Payment row so that a
 * payment is always checked with the provider that created it. Throws for an
 * unknown name.
 */
export function paymentProvider(name: string, db: Database): PaymentProvider {
  switch (name) {
    case "sandbox":
      return createSandboxProvider(db);
    default:
      throw new Error(
        `unknown payment provider "${name}": expected one of ${paymentProviderNames.join(", ")}`,
      );
  }
}
