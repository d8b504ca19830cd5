import type { ConnectionDetails } from "../api/views";
import type { PrismaClient, Transaction } from "../db/client";
import { assertTransition } from "../domain/transitions";
import { enqueueEvent } from "../outbox/enqueue-event";
import { lockHeldAction, type ClaimedAction } from "./claimed-action";
import type { StepDefinition } from "./driver";

export interface CompletedStep {
  step: StepDefinition;
  /** True for the driver's last step, which makes the resource active. */
  isLast: boolean;
  /** Required with `isLast`: the details shown to the customer once the resource is active. */
  connection?: ConnectionDetails;
  now: Date;
}

/**
 * Commits a completed step: the action moves to the next step, the resource
 * shows the progress and `resource.progress` is enqueued. After the last step
 * the action succeeds, the resource becomes ACTIVE with its connection
 * details, the order COMPLETED, and `resource.active` follows the progress
 * event. Returns "lease_lost", changing nothing, when another runner has
 * taken the action over.
 *
 * Committing after every step is what makes a crash cheap: a runner that
 * takes over an expired lease starts from the step after the last commit and
 * repeats at most the one step that was running.
 */
export async function completeStep(
  db: PrismaClient,
  claimed: ClaimedAction,
  completed: CompletedStep,
): Promise<"committed" | "lease_lost"> {
  const { step, isLast, now } = completed;
  return db.$transaction(async (tx) => {
    if (!(await lockHeldAction(tx, claimed))) return "lease_lost";

    const resource = await tx.resource.findUniqueOrThrow({ where: { id: claimed.resource.id } });
    // The first step moves the resource from PENDING; later ones find it PROVISIONING.
    if (resource.status !== "PROVISIONING") {
      assertTransition("resource", resource.status, "PROVISIONING");
    }

    await tx.provisioningAction.update({
      where: { id: claimed.action.id },
      data: {
        stepIndex: claimed.action.stepIndex + 1,
        stepName: step.name,
        percentage: step.percentage,
        attempts: 0,
        error: null,
        leaseUntil: null,
        nextRunAt: now,
      },
    });
    await tx.resource.update({
      where: { id: resource.id },
      data: { status: "PROVISIONING", progress: step.percentage, currentStep: step.name },
    });
    const owner = { userId: resource.userId, orderId: claimed.order.id, resourceId: resource.id };
    await enqueueEvent(tx, "swiftcloud.resource.progress", resource.id, {
      ...owner,
      step: step.name,
      percentage: step.percentage,
    });

    if (isLast) await activateResource(tx, claimed, completed);
    return "committed";
  });
}

/** Marks the action SUCCEEDED, the resource ACTIVE and the order COMPLETED. */
async function activateResource(
  tx: Transaction,
  claimed: ClaimedAction,
  { connection, now }: CompletedStep,
): Promise<void> {
  if (!connection) throw new Error("the last step needs connection details");

  assertTransition("action", "RUNNING", "SUCCEEDED");
  await tx.provisioningAction.update({
    where: { id: claimed.action.id },
    data: { status: "SUCCEEDED", finishedAt: now },
  });

  assertTransition("resource", "PROVISIONING", "ACTIVE");
  await tx.resource.update({
    where: { id: claimed.resource.id },
    data: {
      status: "ACTIVE",
      progress: 100,
      // TODO: a database password is stored here as plain JSON, readable by
      // anyone with read access to the database. Real drivers' credentials
      // need encryption at rest or a secret store.
      // Copied into a plain object literal, which Prisma's JSON input type accepts.
      connection: {
        fields: connection.fields.map(({ label, value, secret }) =>
          secret ? { label, value, secret: true } : { label, value },
        ),
      },
      failureReason: null,
      activatedAt: now,
    },
  });

  const order = await tx.order.findUniqueOrThrow({ where: { id: claimed.order.id } });
  assertTransition("order", order.status, "COMPLETED");
  await tx.order.update({ where: { id: order.id }, data: { status: "COMPLETED" } });

  await enqueueEvent(tx, "swiftcloud.resource.active", claimed.resource.id, {
    userId: claimed.resource.userId,
    orderId: order.id,
    resourceId: claimed.resource.id,
  });
}
