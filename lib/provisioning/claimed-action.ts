import type { Transaction } from "../db/client";
import type { Order, ProvisioningAction, Resource } from "../db/generated/client";
import type { OrderSpec } from "../orders/order-schema";
import type { ProvisioningDriver, StepDefinition } from "./driver";

/** Plan for a claimed action, decided while claiming it. */
export type ActionPlan =
  | {
      kind: "run";
      driver: ProvisioningDriver;
      spec: OrderSpec;
      steps: StepDefinition[];
      step: StepDefinition;
    }
  /** The resource's driver is not configured in this process; another may run it. */
  | { kind: "defer"; reason: string }
  /** The action can never run, like an order spec that no longer validates. */
  | { kind: "fail"; reason: string };

/** An action this process holds a lease on, with the rows it acts on. */
export interface ClaimedAction {
  action: ProvisioningAction;
  resource: Resource;
  order: Order;
  /**
   * The lease this process wrote. It doubles as a fencing token: a commit
   * goes ahead only while the stored lease is still this one, so a runner
   * whose lease expired and was taken over cannot commit a step twice.
   */
  leaseUntil: Date;
  plan: ActionPlan;
}

/**
 * Locks the claimed action's row and returns true when this process still
 * holds its lease on the same step. Call first in every transaction that
 * commits a step's result.
 */
export async function lockHeldAction(tx: Transaction, claimed: ClaimedAction): Promise<boolean> {
  await tx.$queryRaw`
    select id from "ProvisioningAction" where id = ${claimed.action.id}::uuid for update`;
  const current = await tx.provisioningAction.findUnique({ where: { id: claimed.action.id } });
  return (
    current !== null &&
    current.status === "RUNNING" &&
    current.stepIndex === claimed.action.stepIndex &&
    current.leaseUntil?.getTime() === claimed.leaseUntil.getTime()
  );
}

/** Log fields that identify a claimed action. */
export function actionLogFields(claimed: ClaimedAction): Record<string, string | number> {
  return {
    actionId: claimed.action.id,
    resourceId: claimed.resource.id,
    orderId: claimed.order.id,
    stepIndex: claimed.action.stepIndex,
  };
}
