import type { Logger } from "pino";
import type { ConnectionDetails } from "../api/views";
import type { ResourceKindName } from "../catalog/types";
import type { OrderSpec } from "../orders/order-schema";

/**
 * The contract between the cluster manager and whatever creates resources:
 * the simulated driver today, Kubernetes, a PostgreSQL server or a DNS API
 * later. The action runner calls `runStep` once per step, commits the result,
 * and calls the next step later, possibly in another process.
 */

/** One step of creating a resource. */
export interface StepDefinition {
  /** Shown to the customer as the current step, like "Allocating disk". */
  name: string;
  /** Progress in percent once this step has completed; the last step reaches 100. */
  percentage: number;
  /** Milliseconds the step may run before it is aborted and retried. */
  timeoutMs: number;
}

/**
 * Result of one step. A transient failure is retried with backoff; a
 * permanent one fails the resource at once.
 */
export type StepResult =
  | { outcome: "completed" }
  | { outcome: "transient"; reason: string }
  | { outcome: "permanent"; reason: string };

/** Facts from the catalog that the order spec refers to by id. */
export interface CatalogFacts {
  /** Set for a managed database: the catalog row of `spec.engineId`. */
  databaseEngine?: { engine: string; version: string; name: string };
}

/** Resource fields a driver uses to generate connection details. */
export interface ProvisionedResource {
  id: string;
  name: string;
  kind: ResourceKindName;
  catalog: CatalogFacts;
  /** The moment the resource becomes active; a domain's expiry counts from it. */
  activatedAt: Date;
}

/** Everything a driver gets to run one step. */
export interface ResourceContext {
  resourceId: string;
  orderId: string;
  actionId: string;
  name: string;
  kind: ResourceKindName;
  spec: OrderSpec;
  catalog: CatalogFacts;
  /** Index of this step in the driver's step list. */
  stepIndex: number;
  /** 1 on the first try of this step, 2 on its first retry, and so on. */
  attempt: number;
  log: Logger;
}

export interface ProvisioningDriver {
  /** Stored on the resource, so an action resumes with the driver that began it. */
  readonly name: string;
  /** Shown in the UI next to the resource, like "Simulated". */
  readonly label: string;
  /** Resource kinds this driver can create. */
  readonly kinds: readonly ResourceKindName[];
  /** The steps that create a resource of this spec, in order. */
  steps(spec: OrderSpec): StepDefinition[];
  /**
   * Runs one step. It must be safe to run a step again after a crash left its
   * result uncommitted, and it should stop when `signal` aborts.
   */
  runStep(
    step: StepDefinition,
    resource: ResourceContext,
    signal: AbortSignal,
  ): Promise<StepResult>;
  /** Returns what the customer needs to reach the resource once it is active. */
  connectionDetails(resource: ProvisionedResource, spec: OrderSpec): ConnectionDetails;
}
