import type { ProvisioningDriver, ResourceContext, StepDefinition, StepResult } from "./driver";

/**
 * Result of running one step under its timeout. `interrupted` means the
 * process is shutting down and the step neither succeeded nor failed; `cause`
 * is the error a driver threw, kept for the log.
 */
export type StepOutcome =
  | StepResult
  | { outcome: "transient"; reason: string; cause: unknown }
  | { outcome: "interrupted"; reason: string };

/** Abort reason of a step that ran past its timeout. */
export class StepTimeoutError extends Error {
  constructor(step: StepDefinition) {
    super(`step "${step.name}" timed out after ${step.timeoutMs} ms`);
    this.name = "StepTimeoutError";
  }
}

/**
 * Runs one driver step, aborting it after `step.timeoutMs` or when `stop`
 * aborts. A timeout or an error thrown by the driver becomes a transient
 * failure, so the step is retried. The race against the abort means a driver
 * that ignores its signal still cannot hold the runner past the timeout.
 */
export async function runStepWithTimeout(
  driver: ProvisioningDriver,
  step: StepDefinition,
  resource: ResourceContext,
  stop: AbortSignal,
): Promise<StepOutcome> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new StepTimeoutError(step)), step.timeoutMs);
  const signal = AbortSignal.any([timeout.signal, stop]);
  const aborted = abortPromise(signal);
  try {
    return await Promise.race([driver.runStep(step, resource, signal), aborted.promise]);
  } catch (error: unknown) {
    if (timeout.signal.aborted) {
      return {
        outcome: "transient",
        reason: `Step "${step.name}" timed out after ${step.timeoutMs} ms`,
      };
    }
    if (stop.aborted) {
      return { outcome: "interrupted", reason: "the cluster manager stopped during the step" };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: "transient", reason: `Step "${step.name}" failed: ${message}`, cause: error };
  } finally {
    clearTimeout(timer);
    aborted.dispose();
  }
}

/** A promise that rejects when `signal` aborts, and a function that detaches it. */
function abortPromise(signal: AbortSignal): { promise: Promise<never>; dispose: () => void } {
  let onAbort: () => void = () => undefined;
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener("abort", onAbort) };
}
