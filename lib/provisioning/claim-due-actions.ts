import type { PrismaClient } from "../db/client";
import type { Order, ProvisioningAction, Resource } from "../db/generated/client";
import { assertTransition } from "../domain/transitions";
import { orderSchema } from "../orders/order-schema";
import type { ActionPlan, ClaimedAction } from "./claimed-action";
import type { DriverRegistry } from "./driver-registry";

/**
 * Time a lease lasts beyond the step's own timeout, to cover committing the
 * step's result. If the lease runs out before the commit, the commit changes
 * nothing and the step runs again.
 */
export const leaseMarginMs = 10_000;

/**
 * Claims up to `limit` actions that are due and leases each for the length of
 * its next step. An action is due when it is PENDING or RUNNING, its
 * `nextRunAt` has passed and no runner holds a live lease on it. A RUNNING
 * action with an expired lease is one whose runner died mid-step.
 *
 * Only the oldest unfinished action of a resource is claimable, so one
 * action at a time runs per resource. FOR UPDATE SKIP LOCKED lets runners in
 * several processes claim side by side without waiting on each other.
 *
 * Times come from this process's clock, the same one that writes
 * `nextRunAt`, so runners on several hosts need synchronised clocks (NTP).
 */
export async function claimDueActions(
  db: PrismaClient,
  registry: DriverRegistry,
  limit: number,
  now: Date = new Date(),
): Promise<ClaimedAction[]> {
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      select a.id
      from "ProvisioningAction" a
      where a.status in ('PENDING', 'RUNNING')
        and a."nextRunAt" <= ${now}
        and (a."leaseUntil" is null or a."leaseUntil" <= ${now})
        and not exists (
          select 1 from "ProvisioningAction" earlier
          where earlier."resourceId" = a."resourceId"
            and earlier.status in ('PENDING', 'RUNNING')
            and (earlier."createdAt", earlier.id) < (a."createdAt", a.id)
        )
      order by a."nextRunAt", a.id
      limit ${limit}
      for update of a skip locked`;
    if (due.length === 0) return [];

    const rows = await tx.provisioningAction.findMany({
      where: { id: { in: due.map((row) => row.id) } },
      include: { resource: { include: { order: true } } },
      orderBy: [{ nextRunAt: "asc" }, { id: "asc" }],
    });

    const claimed: ClaimedAction[] = [];
    for (const row of rows) {
      const { resource: resourceWithOrder, ...action } = row;
      const { order, ...resource } = resourceWithOrder;
      const plan = planAction(action, resource, order, registry);
      // A plan that runs nothing needs the lease only for its own commit.
      const leaseMs = plan.kind === "run" ? plan.step.timeoutMs + leaseMarginMs : leaseMarginMs;
      const leaseUntil = new Date(now.getTime() + leaseMs);

      if (action.status === "PENDING") assertTransition("action", action.status, "RUNNING");
      const updated = await tx.provisioningAction.update({
        where: { id: action.id },
        data: {
          status: "RUNNING",
          leaseUntil,
          startedAt: action.startedAt ?? now,
        },
      });
      claimed.push({ action: updated, resource, order, leaseUntil, plan });
    }
    return claimed;
  });
}

function planAction(
  action: ProvisioningAction,
  resource: Resource,
  order: Order,
  registry: DriverRegistry,
): ActionPlan {
  const driver = registry.driverNamed(resource.driver);
  if (!driver) {
    return {
      kind: "defer",
      reason: `driver "${resource.driver}" of this resource is not configured in this process`,
    };
  }
  const parsed = orderSchema.safeParse(order.spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "spec";
    return { kind: "fail", reason: `order spec is invalid at ${where}: ${issue?.message ?? ""}` };
  }
  const steps = driver.steps(parsed.data);
  const step = steps[action.stepIndex];
  if (!step) {
    return {
      kind: "fail",
      reason: `step ${action.stepIndex} does not exist; driver "${driver.name}" has ${steps.length} steps`,
    };
  }
  return { kind: "run", driver, spec: parsed.data, steps, step };
}
