import type { Transaction } from "../db/client";

/**
 * Makes a PROCESSING payment due for its first status check now, by setting
 * Payment.nextCheckAt. The check itself runs in the status loop, never while
 * a broker delivery is held open. Returns false when the payment is not
 * PROCESSING or already has a check scheduled.
 */
export async function schedulePaymentCheck(
  tx: Transaction,
  paymentId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const scheduled = await tx.payment.updateMany({
    where: { id: paymentId, status: "PROCESSING", nextCheckAt: null },
    data: { nextCheckAt: now },
  });
  return scheduled.count === 1;
}
