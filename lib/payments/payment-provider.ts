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

export interface RefundPaymentInput {
  /** The refunded payment's id at the provider (Payment.providerRef). */
  providerRef: string;
  amountMinor: number;
  /** Reason for the refund in words, stored at the provider for support. */
  reason: string;
  /**
   * Key that makes a retried request return the first refund instead of
   * refunding again. The portal passes the Refund row's id.
   */
  idempotencyKey: string;
}

/**
 * A refund as its provider reports it. `pending` refunds are asked about
 * again with the same idempotency key until they become final.
 */
export interface ProviderRefund {
  providerRefundRef: string;
  status: "succeeded" | "pending" | "failed";
  /** The provider's explanation of a `failed` refund. */
  failureReason?: string;
}

/**
 * A payment provider as the portal uses it. The sandbox provider implements
 * it today; a Stripe implementation plugs in through the same three calls.
 * Each may throw on a provider or network error, which callers retry.
 */
export interface PaymentProvider {
  readonly name: string;
  createCheckout(input: CreateCheckoutInput): Promise<Checkout>;
  retrievePayment(providerRef: string): Promise<ProviderPayment>;
  /** Returns money of a succeeded payment; idempotent on `idempotencyKey`. */
  refundPayment(input: RefundPaymentInput): Promise<ProviderRefund>;
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
