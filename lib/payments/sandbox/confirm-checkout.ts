import type { PrismaClient, Transaction } from "../../db/client";
import { DomainError } from "../../domain/errors";
import { assertTransition } from "../../domain/transitions";
import { enqueueEvent } from "../../outbox/enqueue-event";
import { lockInvoice, lockPayment } from "../lock-rows";
import { cardLast4 } from "./card-number";
import { cardFieldErrors, sandboxCardSchema, type SandboxCard } from "./card-schema";
import { closedCheckoutMessage, findCheckoutPayment, invoicePagePath } from "./checkout-payment";
import { findTestCard } from "./test-cards";

export interface ConfirmSandboxCheckoutInput {
  userId: string;
  providerRef: string;
  cardNumber: unknown;
  expiry: unknown;
  cvc: unknown;
  cardholderName: unknown;
}

export interface CheckoutResult {
  invoiceId: string;
  /** Path the page sends the customer to next, relative to the portal's origin. */
  redirectUrl: string;
}

/**
 * Submits the sandbox checkout form: validates the card, records the test
 * card's outcome on the sandbox's side and moves the payment to PROCESSING
 * with its `payment.initiated` event. Billing then learns the outcome by
 * asking the provider, the same way it would with a real provider. The
 * caller wakes the outbox relay once this returns.
 *
 * Only the last four digits of the card number are stored, and the card is
 * never logged. Throws validation with field errors for a bad form,
 * not_found for another customer's checkout and conflict for one that is
 * no longer open.
 */
export async function confirmSandboxCheckout(
  db: PrismaClient,
  input: ConfirmSandboxCheckoutInput,
): Promise<CheckoutResult> {
  const parsed = sandboxCardSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError("validation", "Check the card details", cardFieldErrors(parsed.error));
  }
  const card = parsed.data;
  const found = await findCheckoutPayment(db, input.userId, input.providerRef);

  // One transaction for the sandbox's record and the portal's payment: a
  // checkout that took the card always has a payment that billing checks.
  return db.$transaction(
    async (tx) => {
      await lockInvoice(tx, found.invoiceId);
      await lockPayment(tx, found.id);
      const payment = await tx.payment.findUniqueOrThrow({ where: { id: found.id } });
      const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: payment.invoiceId } });
      if (payment.status !== "REQUIRES_CONFIRMATION") {
        throw new DomainError("conflict", closedCheckoutMessage(payment.status));
      }
      if (invoice.status !== "OPEN" || invoice.expiresAt.getTime() <= Date.now()) {
        throw new DomainError(
          "conflict",
          "Invoice can no longer be paid; it is paid, void or expired",
        );
      }

      await recordCardOutcome(tx, payment.providerRef, card);

      assertTransition("payment", payment.status, "PROCESSING");
      const moved = await tx.payment.updateMany({
        where: { id: payment.id, status: "REQUIRES_CONFIRMATION" },
        data: { status: "PROCESSING" },
      });
      if (moved.count !== 1) throw new DomainError("conflict", closedCheckoutMessage("PROCESSING"));
      await enqueueEvent(tx, "swiftcloud.payment.initiated", payment.id, {
        userId: payment.userId,
        invoiceId: payment.invoiceId,
        paymentId: payment.id,
      });
      return { invoiceId: payment.invoiceId, redirectUrl: invoicePagePath(payment.invoiceId) };
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

/** Stores what the sandbox does with this test card, as a real provider would on its side. */
async function recordCardOutcome(tx: Transaction, checkoutId: string, card: SandboxCard) {
  const testCard = findTestCard(card.cardNumber);
  // The schema accepts only test cards, so this is a programming error.
  if (!testCard) throw new Error("sandbox card schema let a non-test card through");
  const last4 = cardLast4(card.cardNumber);
  const outcome = testCard.outcome;
  const data =
    outcome.kind === "succeed"
      ? { status: "SUCCEEDED" as const, cardLast4: last4 }
      : outcome.kind === "decline"
        ? {
            status: "DECLINED" as const,
            cardLast4: last4,
            declineCode: outcome.code,
            declineReason: outcome.reason,
          }
        : {
            status: "PROCESSING" as const,
            cardLast4: last4,
            settlesAt: new Date(Date.now() + outcome.settleAfterMs),
          };
  const updated = await tx.sandboxCheckout.updateMany({
    where: { id: checkoutId, status: "OPEN" },
    data,
  });
  if (updated.count !== 1) {
    throw new DomainError("conflict", "This checkout was already submitted");
  }
}
