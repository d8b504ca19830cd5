import type { PrismaClient, Transaction } from "../db/client";
import { assertTransition } from "../domain/transitions";
import { enqueueEvent } from "../outbox/enqueue-event";
import { lockHeldAction, type ClaimedAction } from "./claimed-action";

/**
 * Commits a permanent failure: the action, the resource and the order become
 * FAILED, with `reason` shown to the customer, and `resource.failed` is
 * enqueued. Returns "lease_lost", changing nothing, when another runner has
 * taken the action over.
 */
export async function failAction(
  db: PrismaClient,
  claimed: ClaimedAction,
  reason: string,
  now: Date,
): Promise<"committed" | "lease_lost"> {
  return db.$transaction(async (tx) => {
    if (!(await lockHeldAction(tx, claimed))) return "lease_lost";
    await markFailed(tx, claimed, reason, now);
    return "committed";
  });
}

/** Writes the failure inside a transaction that already holds the action's lock. */
export async function markFailed(
  tx: Transaction,
  claimed: ClaimedAction,
  reason: string,
  now: Date,
): Promise<void> {
  assertTransition("action", "RUNNING", "FAILED");
  await tx.provisioningAction.update({
    where: { id: claimed.action.id },
    data: { status: "FAILED", error: reason, finishedAt: now, leaseUntil: null },
  });

  const resource = await tx.resource.findUniqueOrThrow({ where: { id: claimed.resource.id } });
  assertTransition("resource", resource.status, "FAILED");
  await tx.resource.update({
    where: { id: resource.id },
    data: { status: "FAILED", failureReason: reason },
  });

  const order = await tx.order.findUniqueOrThrow({ where: { id: claimed.order.id } });
  assertTransition("order", order.status, "FAILED");
  await tx.order.update({ where: { id: order.id }, data: { status: "FAILED" } });

  await enqueueEvent(tx, "swiftcloud.resource.failed", resource.id, {
    userId: resource.userId,
    orderId: order.id,
    resourceId: resource.id,
    reason,
  });
}
