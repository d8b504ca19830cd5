import type { Transaction } from "../db/client";
import type { Payment, RefundReason } from "../db/generated/client";

/** Words sent to the provider and shown to support for each refund reason. */
export const refundReasonText: Record<RefundReason, string> = {
  INVOICE_VOIDED: "The invoice was voided before the payment settled",
  RESOURCE_FAILED: "The resource could not be created",
};

export interface RecordedRefund {
  refundId: string;
  /** False when the payment already had a refund, which is returned instead. */
  created: boolean;
}

/**
 * Records a full refund of `payment` as a PENDING Refund that is due now,
 * inside the caller's transaction, so the decision to refund commits with
 * the state change behind it. The refund loop calls the provider after the
 * commit. A payment that already has a refund keeps it: `Refund.paymentId`
 * is unique, so concurrent callers insert one row between them.
 */
export async function recordRefund(
  tx: Transaction,
  payment: Pick<Payment, "id" | "userId" | "invoiceId" | "amountMinor" | "currency">,
  reason: RefundReason,
  now: Date = new Date(),
): Promise<RecordedRefund> {
  const inserted = await tx.refund.createMany({
    data: [
      {
        paymentId: payment.id,
        userId: payment.userId,
        invoiceId: payment.invoiceId,
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        reason,
        status: "PENDING",
        nextAttemptAt: now,
      },
    ],
    skipDuplicates: true,
  });
  const refund = await tx.refund.findUniqueOrThrow({
    where: { paymentId: payment.id },
    select: { id: true },
  });
  return { refundId: refund.id, created: inserted.count === 1 };
}
