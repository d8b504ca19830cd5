import { describe, expect, it } from "vitest";
import type {
  ProvisioningDriver,
  StepDefinition,
  StepResult,
} from "../../../lib/provisioning/driver";
import { runStepWithTimeout } from "../../../lib/provisioning/run-step";
import { SimulatedDriver } from "../../../lib/provisioning/simulated/simulated-driver";
import { sampleSpecs, stepContext } from "./fixtures";

/** Creates a driver whose every step runs `runStep`; it has no steps or connection details. */
function fakeDriver(runStep: (signal: AbortSignal) => Promise<StepResult>): ProvisioningDriver {
  return {
    name: "fake",
    label: "Fake",
    kinds: ["VIRTUAL_MACHINE"],
    steps: () => [],
    runStep: (_step, _resource, signal) => runStep(signal),
    connectionDetails: () => ({ fields: [] }),
  };
}

const shortStep: StepDefinition = { name: "Booting", percentage: 80, timeoutMs: 20 };
const spec = sampleSpecs.virtualMachine;
const noStop = new AbortController().signal;

describe("runStepWithTimeout", () => {
  it("passes a completed step through", async () => {
    const driver = fakeDriver(async () => ({ outcome: "completed" }));
    const outcome = await runStepWithTimeout(driver, shortStep, stepContext(spec), noStop);
    expect(outcome).toEqual({ outcome: "completed" });
  });

  it("turns a timeout into a transient failure", async () => {
    // Never settles and ignores its signal: only the timeout can end it.
    const driver = fakeDriver(() => new Promise<StepResult>(() => undefined));
    const outcome = await runStepWithTimeout(driver, shortStep, stepContext(spec), noStop);
    expect(outcome).toMatchObject({
      outcome: "transient",
      reason: 'Step "Booting" timed out after 20 ms',
    });
  });

  it("aborts the driver's signal on timeout", async () => {
    let seen: AbortSignal | undefined;
    const driver = fakeDriver(
      (signal) =>
        new Promise<StepResult>(() => {
          seen = signal;
        }),
    );
    await runStepWithTimeout(driver, shortStep, stepContext(spec), noStop);
    expect(seen?.aborted).toBe(true);
  });

  it("times out a slow simulated step", async () => {
    const driver = new SimulatedDriver({ stepMs: 60_000 });
    const outcome = await runStepWithTimeout(driver, shortStep, stepContext(spec), noStop);
    expect(outcome.outcome).toBe("transient");
  });

  it("turns a thrown error into a transient failure", async () => {
    const driver = fakeDriver(async () => {
      throw new Error("connection reset");
    });
    const outcome = await runStepWithTimeout(driver, shortStep, stepContext(spec), noStop);
    expect(outcome).toMatchObject({
      outcome: "transient",
      reason: 'Step "Booting" failed: connection reset',
    });
  });

  it("reports an interrupted step on stop", async () => {
    const stop = new AbortController();
    stop.abort();
    const driver = fakeDriver(() => new Promise<StepResult>(() => undefined));
    const outcome = await runStepWithTimeout(driver, shortStep, stepContext(spec), stop.signal);
    expect(outcome.outcome).toBe("interrupted");
  });
});

describe("simulated failures", () => {
  const driver = new SimulatedDriver({ stepMs: 1 });
  const step: StepDefinition = { name: "Booting", percentage: 80, timeoutMs: 5_000 };
  const failSpec = { ...spec, name: "fail-web" };
  const flakySpec = { ...spec, name: "flaky-web" };

  it("fail- resource fails at its 4th step", async () => {
    const result = await driver.runStep(step, stepContext(failSpec, { stepIndex: 3 }), noStop);
    expect(result).toEqual({
      outcome: "permanent",
      reason: "Simulated failure: the host did not pass its boot check",
    });
  });

  it.each([0, 1, 2])("fail- resource passes step %i", async (stepIndex) => {
    const result = await driver.runStep(step, stepContext(failSpec, { stepIndex }), noStop);
    expect(result.outcome).toBe("completed");
  });

  it.each([
    [1, "transient"],
    [2, "transient"],
    [3, "completed"],
  ])("flaky- resource attempt %i is %s", async (attempt, expected) => {
    const context = stepContext(flakySpec, { stepIndex: 1, attempt });
    const result = await driver.runStep(step, context, noStop);
    expect(result.outcome).toBe(expected);
  });

  it.each([1, 5, 9])("stuck- resource attempt %i is transient", async (attempt) => {
    const context = stepContext({ ...spec, name: "stuck-web" }, { stepIndex: 1, attempt });
    const result = await driver.runStep(step, context, noStop);
    expect(result.outcome).toBe("transient");
  });
});
