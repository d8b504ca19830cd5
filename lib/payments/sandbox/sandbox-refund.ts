import { randomBytes } from "node:crypto";
import type { SandboxRefund } from "../../db/generated/client";
import type { Database, ProviderRefund, RefundPaymentInput } from "../payment-provider";

/** Generates a refund id, like `sbr_5f0c…`, in the style of the checkout ids. */
function newRefundId(): string {
  return `sbr_${randomBytes(12).toString("hex")}`;
}

function toProviderRefund(refund: SandboxRefund): ProviderRefund {
  return refund.status === "SUCCEEDED"
    ? { providerRefundRef: refund.id, status: "succeeded" }
    : {
        providerRefundRef: refund.id,
        status: "failed",
        failureReason: refund.failureReason ?? "Refund failed",
      };
}

/**
 * Refunds a sandbox checkout, as a real provider's refund API would. The
 * sandbox decides at once: a refund of a SUCCEEDED checkout within the amount
 * not yet refunded succeeds, and any other refund is stored as failed with
 * the reason. A second request with the same idempotency key returns the
 * first refund unchanged, even when it races the first. Throws when the
 * checkout does not exist or the key was used for another checkout or amount.
 */
export async function refundSandboxCheckout(
  db: Database,
  input: RefundPaymentInput,
): Promise<ProviderRefund> {
  const { providerRef, amountMinor, reason, idempotencyKey } = input;
  const earlier = await db.sandboxRefund.findUnique({ where: { idempotencyKey } });
  if (earlier) return toProviderRefund(checkSameRequest(earlier, input));

  const checkout = await db.sandboxCheckout.findUnique({ where: { id: providerRef } });
  if (!checkout) throw new Error(`sandbox checkout ${providerRef} not found`);

  // NOTE: two refunds of one checkout under different keys can race past this
  // sum. The portal never sends them, because Refund.paymentId is unique.
  const refunded = await db.sandboxRefund.aggregate({
    where: { checkoutId: providerRef, status: "SUCCEEDED" },
    _sum: { amountMinor: true },
  });
  const refundable = checkout.amountMinor - (refunded._sum.amountMinor ?? 0);
  let failureReason: string | null = null;
  if (checkout.status !== "SUCCEEDED") {
    failureReason = `Checkout ${providerRef} is ${checkout.status}, so there is nothing to refund`;
  } else if (!Number.isSafeInteger(amountMinor) || amountMinor < 1 || amountMinor > refundable) {
    failureReason = `Refund amount ${amountMinor} is invalid: expected 1 to ${refundable}`;
  }

  // ON CONFLICT DO NOTHING on the key: a concurrent request with the same key
  // inserts nothing, and both read back the one row that won.
  await db.sandboxRefund.createMany({
    data: [
      {
        id: newRefundId(),
        checkoutId: providerRef,
        amountMinor,
        reason,
        idempotencyKey,
        status: failureReason === null ? "SUCCEEDED" : "FAILED",
        failureReason,
      },
    ],
    skipDuplicates: true,
  });
  const stored = await db.sandboxRefund.findUniqueOrThrow({ where: { idempotencyKey } });
  return toProviderRefund(checkSameRequest(stored, input));
}

/** Rejects reuse of an idempotency key for a different refund, as real providers do. */
function checkSameRequest(refund: SandboxRefund, input: RefundPaymentInput): SandboxRefund {
  if (refund.checkoutId !== input.providerRef || refund.amountMinor !== input.amountMinor) {
    throw new Error(
      `idempotency key ${input.idempotencyKey} was already used for refund ${refund.id} ` +
        `of checkout ${refund.checkoutId} (${refund.amountMinor}); use a new key`,
    );
  }
  return refund;
}
