import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../lib/config/env";
import { createDriverRegistry, driverFor } from "../../../lib/provisioning/driver-registry";
import { parseProvisioningEnv } from "../../../lib/provisioning/provisioning-env";

describe("driver registry", () => {
  it("defaults to the simulated driver", () => {
    const driver = driverFor("VIRTUAL_MACHINE", {});
    expect(driver.name).toBe("simulated");
    expect(driver.label).toBe("Simulated");
  });

  it.each(["VIRTUAL_MACHINE", "WEB_SERVICE", "MANAGED_DATABASE", "DOMAIN"] as const)(
    "simulated driver creates %s",
    (kind) => {
      expect(driverFor(kind, { PROVISIONING_DRIVER: "simulated" }).name).toBe("simulated");
    },
  );

  it("rejects an unknown driver name", () => {
    expect(() => driverFor("DOMAIN", { PROVISIONING_DRIVER: "kubernetes" })).toThrow(ConfigError);
    expect(() => driverFor("DOMAIN", { PROVISIONING_DRIVER: "kubernetes" })).toThrow(
      /PROVISIONING_DRIVER: invalid, expected one of: simulated/,
    );
  });

  it.each([
    ["0", /at least 1 ms/],
    ["fast", /SIMULATED_STEP_MS: invalid/],
    ["12.5", /whole number/],
  ])("rejects SIMULATED_STEP_MS=%s", (value, message) => {
    expect(() => parseProvisioningEnv({ SIMULATED_STEP_MS: value })).toThrow(message);
  });

  it("reads the step duration and retry base", () => {
    const env = parseProvisioningEnv({ SIMULATED_STEP_MS: "20", PROVISIONING_RETRY_BASE_MS: "50" });
    expect(env.SIMULATED_STEP_MS).toBe(20);
    expect(env.PROVISIONING_RETRY_BASE_MS).toBe(50);
  });

  it("finds a driver by its stored name", () => {
    const registry = createDriverRegistry(parseProvisioningEnv({}));
    expect(registry.driverNamed("simulated")?.label).toBe("Simulated");
    expect(registry.driverNamed("kubernetes")).toBeUndefined();
  });
});
