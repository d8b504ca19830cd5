import type { OrderSpec } from "../../orders/order-schema";
import type { StepDefinition } from "../driver";

/** A step before its timeout is known, which depends on the configured step duration. */
type StepOutline = Omit<StepDefinition, "timeoutMs">;

const virtualMachineSteps: StepOutline[] = [
  { name: "Scheduling", percentage: 15 },
  { name: "Allocating disk", percentage: 35 },
  { name: "Configuring network", percentage: 55 },
  { name: "Booting", percentage: 80 },
  { name: "Health check", percentage: 100 },
];

const webServiceStepsAfterSource: StepOutline[] = [
  { name: "Scheduling instances", percentage: 50 },
  { name: "Configuring routing", percentage: 65 },
  { name: "Issuing TLS certificate", percentage: 85 },
  { name: "Health check", percentage: 100 },
];

const managedDatabaseSteps: StepOutline[] = [
  { name: "Allocating storage", percentage: 20 },
  { name: "Starting engine", percentage: 45 },
  { name: "Creating credentials", percentage: 60 },
  { name: "Configuring backups", percentage: 80 },
  { name: "Health check", percentage: 100 },
];

const domainSteps: StepOutline[] = [
  { name: "Checking availability", percentage: 20 },
  { name: "Registering with registry", percentage: 55 },
  { name: "Configuring DNS zone", percentage: 80 },
  { name: "Verifying propagation", percentage: 100 },
];

/** Returns the simulated steps that create a resource of `spec`, without timeouts. */
export function simulatedStepOutline(spec: OrderSpec): StepOutline[] {
  switch (spec.kind) {
    case "VIRTUAL_MACHINE":
      return virtualMachineSteps;
    case "WEB_SERVICE": {
      const first =
        spec.source.type === "image"
          ? { name: "Pulling image", percentage: 30 }
          : { name: "Building from runtime", percentage: 30 };
      return [first, ...webServiceStepsAfterSource];
    }
    case "MANAGED_DATABASE":
      return managedDatabaseSteps;
    case "DOMAIN":
      return domainSteps;
  }
}

/**
 * Index of the step at which a resource named `fail-…` fails permanently:
 * the 4th step, late enough that the customer has seen progress first.
 */
export const simulatedFailureStepIndex = 3;

/** Reason a `fail-…` resource of each kind fails with. */
export const simulatedFailureReasons: Record<OrderSpec["kind"], string> = {
  VIRTUAL_MACHINE: "Simulated failure: the host did not pass its boot check",
  WEB_SERVICE: "Simulated failure: the certificate authority rejected the TLS certificate request",
  MANAGED_DATABASE: "Simulated failure: the backup storage rejected the backup schedule",
  DOMAIN: "Simulated failure: the DNS zone did not propagate to the registry's nameservers",
};

/**
 * Index of the step at which a resource named `flaky-…` or `stuck-…` fails
 * transiently, and the number of first attempts at which a `flaky-` one
 * fails before one succeeds. A `stuck-` one fails at every attempt.
 */
export const simulatedTransientStepIndex = 1;
export const simulatedFlakyFailures = 2;
