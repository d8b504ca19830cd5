import { ActionRunner } from "../../lib/provisioning/action-runner";
import { createDriverRegistry } from "../../lib/provisioning/driver-registry";
import { parseProvisioningEnv } from "../../lib/provisioning/provisioning-env";
import type { WorkerSetup } from "../../lib/worker/worker-host";
import { createPaymentSucceededHandler } from "./handlers/payment-succeeded";

/** Consumer that turns paid orders into scheduled provisioning actions. */
export const paymentsConsumer = "cluster-manager.payments";

/**
 * Wires the cluster manager: the payments consumer, which only schedules,
 * and the action runner, which does the provisioning steps. Reads its
 * variables from the environment; throws a ConfigError naming a bad one.
 */
export const setupClusterManager: WorkerSetup = (context) => {
  const env = parseProvisioningEnv();
  const registry = createDriverRegistry(env);
  const { db, logger } = context;

  const runner = new ActionRunner({
    db,
    registry,
    logger,
    retryBaseMs: env.PROVISIONING_RETRY_BASE_MS,
  });

  context.consume({
    name: paymentsConsumer,
    types: ["swiftcloud.payment.succeeded"],
    // The handler is one short transaction; 10 keeps a few in flight without
    // taking messages another replica could handle sooner.
    prefetch: 10,
    handle: createPaymentSucceededHandler({
      db,
      registry,
      consumer: paymentsConsumer,
      onScheduled: () => runner.wake(),
    }),
  });

  runner.start();
  context.onShutdown(() => runner.stop());
  logger.info(
    { driver: env.PROVISIONING_DRIVER, simulatedStepMs: env.SIMULATED_STEP_MS },
    "cluster.configured",
  );
};
