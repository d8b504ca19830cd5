import type { Transaction } from "../db/client";
import type { Order } from "../db/generated/client";
import { assertTransition } from "../domain/transitions";
import { enqueueEvent } from "../outbox/enqueue-event";
import type { ProvisioningDriver } from "./driver";

/** Action type of the action that creates a resource. */
export const createActionType = "create";

export interface ScheduledProvisioning {
  resourceId: string;
  actionId: string;
  eventId: string;
}

/**
 * Creates the resource of a paid order and the action that will create it,
 * moves the order to PROVISIONING and enqueues `resource.provisioning`, all
 * in the caller's transaction. Only schedules: the action runner does the
 * work later, so no broker delivery waits for it. The caller must hold a row
 * lock on the order and have checked that it is PAID and has no resource.
 */
export async function scheduleProvisioning(
  tx: Transaction,
  order: Order,
  driver: ProvisioningDriver,
  now: Date,
): Promise<ScheduledProvisioning> {
  assertTransition("order", order.status, "PROVISIONING");

  const resource = await tx.resource.create({
    data: {
      userId: order.userId,
      orderId: order.id,
      kind: order.kind,
      name: order.name,
      driver: driver.name,
      status: "PENDING",
    },
  });
  const action = await tx.provisioningAction.create({
    data: {
      resourceId: resource.id,
      type: createActionType,
      status: "PENDING",
      nextRunAt: now,
    },
  });
  const updated = await tx.order.updateMany({
    where: { id: order.id, status: order.status },
    data: { status: "PROVISIONING" },
  });
  if (updated.count !== 1) {
    throw new Error(`order ${order.id} changed status while provisioning was being scheduled`);
  }

  const eventId = await enqueueEvent(tx, "swiftcloud.resource.provisioning", resource.id, {
    userId: order.userId,
    orderId: order.id,
    resourceId: resource.id,
    kind: order.kind,
  });
  return { resourceId: resource.id, actionId: action.id, eventId };
}
