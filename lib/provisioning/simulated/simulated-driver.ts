import { setTimeout as delay } from "node:timers/promises";
import type { ConnectionDetails } from "../../api/views";
import type { ResourceKindName } from "../../catalog/types";
import type { OrderSpec } from "../../orders/order-schema";
import type {
  ProvisionedResource,
  ProvisioningDriver,
  ResourceContext,
  StepDefinition,
  StepResult,
} from "../driver";
import { simulatedConnectionDetails } from "./simulated-connection";
import {
  simulatedFailureReasons,
  simulatedFailureStepIndex,
  simulatedFlakyFailures,
  simulatedTransientStepIndex,
  simulatedStepOutline,
} from "./simulated-steps";

export interface SimulatedDriverOptions {
  /** Mean duration of one step in milliseconds. */
  stepMs: number;
}

/** Share of `stepMs` by which a step's duration varies either way. */
const jitterShare = 0.25;

/**
 * Pretends to create resources: every step waits about `stepMs` and then
 * succeeds. Name prefixes make failures reproducible: `fail-` fails
 * permanently at the 4th step, `flaky-` fails the 2nd step transiently on its
 * first two attempts, and `stuck-` fails the 2nd step transiently on every
 * attempt until the runner gives up.
 */
export class SimulatedDriver implements ProvisioningDriver {
  readonly name = "simulated";
  readonly label = "Simulated";
  readonly kinds: readonly ResourceKindName[] = [
    "VIRTUAL_MACHINE",
    "WEB_SERVICE",
    "MANAGED_DATABASE",
    "DOMAIN",
  ];
  private readonly stepMs: number;

  constructor(options: SimulatedDriverOptions) {
    this.stepMs = options.stepMs;
  }

  steps(spec: OrderSpec): StepDefinition[] {
    // Ten times the mean leaves room for a slow event loop, and the 5 s floor
    // keeps very short test durations from timing out on a busy machine.
    const timeoutMs = Math.max(5_000, this.stepMs * 10);
    return simulatedStepOutline(spec).map((step) => ({ ...step, timeoutMs }));
  }

  async runStep(
    step: StepDefinition,
    resource: ResourceContext,
    signal: AbortSignal,
  ): Promise<StepResult> {
    const jitter = (Math.random() * 2 - 1) * jitterShare;
    await delay(Math.round(this.stepMs * (1 + jitter)), undefined, { signal });

    if (resource.name.startsWith("fail-") && resource.stepIndex === simulatedFailureStepIndex) {
      return { outcome: "permanent", reason: simulatedFailureReasons[resource.kind] };
    }
    if (resource.stepIndex === simulatedTransientStepIndex) {
      const flaky =
        resource.name.startsWith("flaky-") && resource.attempt <= simulatedFlakyFailures;
      if (flaky || resource.name.startsWith("stuck-")) {
        return {
          outcome: "transient",
          reason: `Simulated transient failure: "${step.name}" lost its connection to the host`,
        };
      }
    }
    return { outcome: "completed" };
  }

  connectionDetails(resource: ProvisionedResource, spec: OrderSpec): ConnectionDetails {
    return simulatedConnectionDetails(resource, spec);
  }
}
