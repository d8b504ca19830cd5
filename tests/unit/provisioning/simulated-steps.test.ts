import { describe, expect, it } from "vitest";
import type { OrderSpec } from "../../../lib/orders/order-schema";
import { SimulatedDriver } from "../../../lib/provisioning/simulated/simulated-driver";
import { sampleSpecs } from "./fixtures";

const driver = new SimulatedDriver({ stepMs: 800 });

const expectedStepNames: [string, OrderSpec, string[]][] = [
  [
    "virtual machine",
    sampleSpecs.virtualMachine,
    ["Scheduling", "Allocating disk", "Configuring network", "Booting", "Health check"],
  ],
  [
    "web service from an image",
    sampleSpecs.webServiceFromImage,
    [
      "Pulling image",
      "Scheduling instances",
      "Configuring routing",
      "Issuing TLS certificate",
      "Health check",
    ],
  ],
  [
    "web service from a runtime",
    sampleSpecs.webServiceFromRuntime,
    [
      "Building from runtime",
      "Scheduling instances",
      "Configuring routing",
      "Issuing TLS certificate",
      "Health check",
    ],
  ],
  [
    "managed database",
    sampleSpecs.managedDatabase,
    [
      "Allocating storage",
      "Starting engine",
      "Creating credentials",
      "Configuring backups",
      "Health check",
    ],
  ],
  [
    "domain",
    sampleSpecs.domain,
    [
      "Checking availability",
      "Registering with registry",
      "Configuring DNS zone",
      "Verifying propagation",
    ],
  ],
];

describe("simulated steps", () => {
  it.each(expectedStepNames)("%s has the expected steps", (_, spec, names) => {
    expect(driver.steps(spec).map((step) => step.name)).toEqual(names);
  });

  it.each(expectedStepNames)("%s percentages increase to 100", (_, spec) => {
    const percentages = driver.steps(spec).map((step) => step.percentage);
    expect(percentages[0]).toBeGreaterThan(0);
    for (let i = 1; i < percentages.length; i += 1) {
      expect(percentages[i]).toBeGreaterThan(percentages[i - 1]!);
    }
    expect(percentages.at(-1)).toBe(100);
  });

  it.each(expectedStepNames)("%s steps have a timeout above the step time", (_, spec) => {
    for (const step of driver.steps(spec)) {
      expect(step.timeoutMs).toBeGreaterThan(800);
    }
  });

  it("driver is labelled Simulated", () => {
    expect(driver.name).toBe("simulated");
    expect(driver.label).toBe("Simulated");
  });
});
