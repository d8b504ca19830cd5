import type { Logger } from "pino";
import type { ConnectionDetails } from "../api/views";
import type { PrismaClient } from "../db/client";
import { wakeOutboxRelay } from "../outbox/outbox-relay";
import type { ActionPlan, ClaimedAction } from "./claimed-action";
import { completeStep } from "./complete-step";
import type { CatalogFacts, ResourceContext } from "./driver";
import { failAction } from "./fail-action";
import { loadCatalogFacts, MissingCatalogEntryError } from "./load-catalog-facts";
import { releaseAction } from "./release-action";
import { retryOrFailStep } from "./retry-step";
import { runStepWithTimeout, type StepOutcome } from "./run-step";

export interface RunClaimedStepOptions {
  db: PrismaClient;
  log: Logger;
  retryBaseMs: number;
  /** Aborts the running step when the process must stop before it finishes. */
  interrupt: AbortSignal;
}

type RunPlan = Extract<ActionPlan, { kind: "run" }>;

/**
 * Runs the next step of a claimed action under its timeout and commits the
 * outcome: the next step, activation, a retry or a permanent failure.
 */
export async function runClaimedStep(
  claimed: ClaimedAction,
  plan: RunPlan,
  options: RunClaimedStepOptions,
): Promise<void> {
  const { db } = options;
  const attempt = claimed.action.attempts + 1;
  const log = options.log.child({ step: plan.step.name, attempt });

  let catalog: CatalogFacts;
  try {
    catalog = await loadCatalogFacts(db, plan.spec);
  } catch (error: unknown) {
    if (!(error instanceof MissingCatalogEntryError)) throw error;
    await commitOutcome(
      claimed,
      plan,
      { outcome: "permanent", reason: error.message },
      {},
      options,
      log,
    );
    return;
  }

  const context: ResourceContext = {
    resourceId: claimed.resource.id,
    orderId: claimed.order.id,
    actionId: claimed.action.id,
    name: claimed.resource.name,
    kind: claimed.resource.kind,
    spec: plan.spec,
    catalog,
    stepIndex: claimed.action.stepIndex,
    attempt,
    log,
  };
  log.info({ timeoutMs: plan.step.timeoutMs }, "cluster.step_started");
  const outcome = await runStepWithTimeout(plan.driver, plan.step, context, options.interrupt);
  await commitOutcome(claimed, plan, outcome, catalog, options, log);
}

async function commitOutcome(
  claimed: ClaimedAction,
  plan: RunPlan,
  outcome: StepOutcome,
  catalog: CatalogFacts,
  options: RunClaimedStepOptions,
  log: Logger,
): Promise<void> {
  const { db } = options;
  const now = new Date();

  switch (outcome.outcome) {
    case "completed": {
      const isLast = claimed.action.stepIndex === plan.steps.length - 1;
      let connection: ConnectionDetails | undefined;
      if (isLast) {
        try {
          connection = plan.driver.connectionDetails(
            {
              id: claimed.resource.id,
              name: claimed.resource.name,
              kind: claimed.resource.kind,
              catalog,
              activatedAt: now,
            },
            plan.spec,
          );
        } catch (error: unknown) {
          const message = error instanceof Error ? error.message : String(error);
          const reason = `Could not generate connection details: ${message}`;
          await commitOutcome(
            claimed,
            plan,
            { outcome: "permanent", reason },
            catalog,
            options,
            log,
          );
          return;
        }
      }
      const result = await completeStep(db, claimed, { step: plan.step, isLast, connection, now });
      if (result === "lease_lost") {
        log.warn("cluster.lease_lost");
        return;
      }
      wakeOutboxRelay();
      log.info({ percentage: plan.step.percentage }, "cluster.step_completed");
      if (isLast) log.info({ driver: plan.driver.name }, "cluster.resource_active");
      return;
    }

    case "permanent": {
      const result = await failAction(db, claimed, outcome.reason, now);
      if (result === "lease_lost") {
        log.warn("cluster.lease_lost");
        return;
      }
      wakeOutboxRelay();
      log.error({ reason: outcome.reason }, "cluster.action_failed");
      return;
    }

    case "transient": {
      const cause = "cause" in outcome ? outcome.cause : undefined;
      const result = await retryOrFailStep(db, claimed, outcome.reason, {
        retryBaseMs: options.retryBaseMs,
        now,
      });
      if (result.result === "lease_lost") {
        log.warn({ reason: outcome.reason }, "cluster.lease_lost");
      } else if (result.result === "retry_scheduled") {
        log.warn(
          {
            reason: outcome.reason,
            err: cause,
            delayMs: result.delayMs,
            attempts: result.attempts,
          },
          "cluster.step_retry_scheduled",
        );
      } else {
        wakeOutboxRelay();
        log.error(
          { reason: result.reason, err: cause, attempts: result.attempts },
          "cluster.action_failed",
        );
      }
      return;
    }

    case "interrupted": {
      await releaseAction(db, claimed, now);
      log.info({ reason: outcome.reason }, "cluster.step_interrupted");
      return;
    }
  }
}
