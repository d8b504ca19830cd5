import type { PrismaClient } from "../db/client";
import { lockHeldAction, type ClaimedAction } from "./claimed-action";

/**
 * Gives up this process's lease without counting an attempt, so any runner
 * may claim the action again from `nextRunAt`. Used when a step was
 * interrupted by shutdown and when this process lacks the action's driver.
 */
export async function releaseAction(
  db: PrismaClient,
  claimed: ClaimedAction,
  nextRunAt: Date,
): Promise<"committed" | "lease_lost"> {
  return db.$transaction(async (tx) => {
    if (!(await lockHeldAction(tx, claimed))) return "lease_lost";
    await tx.provisioningAction.update({
      where: { id: claimed.action.id },
      data: { leaseUntil: null, nextRunAt },
    });
    return "committed";
  });
}
