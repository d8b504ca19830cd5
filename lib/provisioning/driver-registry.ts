import type { ResourceKindName } from "../catalog/types";
import { ConfigError } from "../config/env";
import type { ProvisioningDriver } from "./driver";
import {
  parseProvisioningEnv,
  type DriverName,
  type EnvSource,
  type ProvisioningEnv,
} from "./provisioning-env";
import { SimulatedDriver } from "./simulated/simulated-driver";

/** Builds each driver PROVISIONING_DRIVER can name from the validated environment. */
const driverFactories: Record<DriverName, (env: ProvisioningEnv) => ProvisioningDriver> = {
  simulated: (env) => new SimulatedDriver({ stepMs: env.SIMULATED_STEP_MS }),
};

export interface DriverRegistry {
  /** The configured driver for new resources of `kind`; throws a ConfigError if it cannot create them. */
  driverFor(kind: ResourceKindName): ProvisioningDriver;
  /**
   * The driver a resource was started with, by its stored name, or undefined
   * when this process does not run that driver.
   */
  driverNamed(name: string): ProvisioningDriver | undefined;
}

/** Creates the drivers of one process from its validated environment. */
export function createDriverRegistry(env: ProvisioningEnv): DriverRegistry {
  const configured = driverFactories[env.PROVISIONING_DRIVER](env);
  return {
    driverFor(kind) {
      if (!configured.kinds.includes(kind)) {
        throw new ConfigError(
          `PROVISIONING_DRIVER: driver "${configured.name}" cannot create ${kind} resources`,
        );
      }
      return configured;
    },
    driverNamed(name) {
      return name === configured.name ? configured : undefined;
    },
  };
}

/**
 * Returns the driver PROVISIONING_DRIVER selects for `kind`. Throws a
 * ConfigError naming the variable when its value is not a known driver.
 */
export function driverFor(
  kind: ResourceKindName,
  source: EnvSource = process.env,
): ProvisioningDriver {
  return createDriverRegistry(parseProvisioningEnv(source)).driverFor(kind);
}
