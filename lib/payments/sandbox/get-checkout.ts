import type { PrismaClient } from "../../db/client";
import type { PaymentStatusName } from "../../api/views";
import { formatInvoiceNumber } from "../../billing/invoice-number";
import { findCheckoutPayment } from "./checkout-payment";
import { sandboxTestCards, type SandboxTestCard } from "./test-cards";

export interface SandboxCheckoutView {
  providerRef: string;
  paymentId: string;
  invoiceId: string;
  invoiceNumber: string;
  amountMinor: number;
  currency: string;
  /** The payment's status; the card form is open only in REQUIRES_CONFIRMATION. */
  status: PaymentStatusName;
  failureReason: string | null;
  /** Last four digits of the card submitted, once one was. */
  cardLast4: string | null;
  /** ISO 8601 time after which the invoice can no longer be paid. */
  expiresAt: string;
  testCards: readonly SandboxTestCard[];
}

/**
 * Reads what the sandbox checkout page shows. Throws not_found for a checkout
 * that does not exist or belongs to another customer.
 */
export async function getSandboxCheckout(
  db: PrismaClient,
  input: { userId: string; providerRef: string },
): Promise<SandboxCheckoutView> {
  const payment = await findCheckoutPayment(db, input.userId, input.providerRef);
  const [invoice, checkout] = await Promise.all([
    db.invoice.findUniqueOrThrow({ where: { id: payment.invoiceId } }),
    db.sandboxCheckout.findUnique({ where: { id: payment.providerRef } }),
  ]);
  return {
    providerRef: payment.providerRef,
    paymentId: payment.id,
    invoiceId: invoice.id,
    invoiceNumber: formatInvoiceNumber(invoice.sequence),
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    status: payment.status,
    failureReason: payment.failureReason,
    cardLast4: checkout?.cardLast4 ?? null,
    expiresAt: invoice.expiresAt.toISOString(),
    testCards: sandboxTestCards,
  };
}
