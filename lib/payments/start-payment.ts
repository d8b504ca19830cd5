import type { PrismaClient } from "../db/client";
import type { Payment } from "../db/generated/client";
import { DomainError, notFound } from "../domain/errors";
import { formatInvoiceNumber } from "../billing/invoice-number";
import { isUuid } from "../domain/ids";
import { lockInvoice } from "./lock-rows";
import { paymentProvider, type PaymentProviderName } from "./payment-provider";

export interface StartPaymentInput {
  userId: string;
  invoiceId: string;
  /** The portal's public origin, like `https://portal.example.com`; the checkout returns there. */
  appUrl: string;
  provider?: PaymentProviderName;
}

export interface StartPaymentResult {
  payment: Payment;
  /** False when an unconfirmed checkout of this invoice already existed and is returned again. */
  created: boolean;
}

/**
 * Starts paying an invoice: creates a checkout at the provider and a Payment
 * in REQUIRES_CONFIRMATION whose checkoutUrl the customer is sent to. An
 * unconfirmed payment of the invoice is returned instead of a second one.
 * The invoice row is locked for the whole transaction, so concurrent requests
 * for one invoice create at most one payment.
 *
 * Throws not_found for an invoice that does not exist or belongs to someone
 * else, and conflict for one that is paid, void, expired or has a payment in
 * progress.
 */
export async function startPayment(
  db: PrismaClient,
  input: StartPaymentInput,
): Promise<StartPaymentResult> {
  const { userId, invoiceId, appUrl } = input;
  if (!isUuid(invoiceId)) throw notFound("Invoice");

  return db.$transaction(
    async (tx) => {
      await lockInvoice(tx, invoiceId);
      const invoice = await tx.invoice.findUnique({ where: { id: invoiceId } });
      // Another customer's invoice is reported exactly like a missing one.
      if (!invoice || invoice.userId !== userId) throw notFound("Invoice");
      if (invoice.status === "PAID") throw new DomainError("conflict", "Invoice is already paid");
      if (invoice.status === "VOID") {
        throw new DomainError(
          "conflict",
          "Invoice is void; place the order again to get a new one",
        );
      }
      if (invoice.expiresAt.getTime() <= Date.now()) {
        throw new DomainError(
          "conflict",
          "Invoice has expired; place the order again to get a new one",
        );
      }

      const active = await tx.payment.findMany({
        where: { invoiceId, status: { in: ["REQUIRES_CONFIRMATION", "PROCESSING"] } },
        orderBy: { createdAt: "desc" },
      });
      if (active.some((payment) => payment.status === "PROCESSING")) {
        throw new DomainError("conflict", "A payment is already in progress");
      }
      const unconfirmed = active[0];
      if (unconfirmed) return { payment: unconfirmed, created: false };

      const providerName = input.provider ?? "sandbox";
      // The sandbox keeps its checkout in this database, so it joins the
      // transaction and a rollback leaves no orphan checkout behind.
      const provider = paymentProvider(providerName, tx);
      const checkout = await provider.createCheckout({
        amountMinor: invoice.totalMinor,
        currency: invoice.currency,
        reference: formatInvoiceNumber(invoice.sequence),
        returnUrl: new URL(`/invoices/${invoiceId}`, appUrl).toString(),
      });
      const payment = await tx.payment.create({
        data: {
          invoiceId,
          userId,
          provider: providerName,
          providerRef: checkout.providerRef,
          checkoutUrl: checkout.checkoutUrl,
          status: "REQUIRES_CONFIRMATION",
          amountMinor: invoice.totalMinor,
          currency: invoice.currency,
        },
      });
      return { payment, created: true };
    },
    // A real provider's checkout call happens under the lock, so allow it time.
    { timeout: 20_000, maxWait: 10_000 },
  );
}
