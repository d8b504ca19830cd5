import { z } from "zod";
import { baseEnvSchema, parseEnv } from "../config/env";

/** Names PROVISIONING_DRIVER accepts; each has a factory in the driver registry. */
export const driverNames = ["simulated"] as const;
export type DriverName = (typeof driverNames)[number];

const milliseconds = (min: number, max: number) =>
  z.coerce
    .number({ message: `expected a whole number of milliseconds between ${min} and ${max}` })
    .int(`expected a whole number of milliseconds between ${min} and ${max}`)
    .min(min, `expected at least ${min} ms`)
    .max(max, `expected at most ${max} ms`);

/** Variables of the cluster manager on top of those every process reads. */
export const provisioningEnvSchema = baseEnvSchema.extend({
  PROVISIONING_DRIVER: z
    .enum(driverNames, { message: `expected one of: ${driverNames.join(", ")}` })
    .default("simulated"),
  /** Mean duration of one simulated step; 800 ms makes a resource take a few seconds. */
  SIMULATED_STEP_MS: milliseconds(1, 600_000).default(800),
  /** Delay before the first retry of a failed step; each further retry doubles it. */
  PROVISIONING_RETRY_BASE_MS: milliseconds(1, 600_000).default(2_000),
});

export type ProvisioningEnv = z.infer<typeof provisioningEnvSchema>;

/** Variables as in `process.env`, or a plain object in a test. */
export type EnvSource = Record<string, string | undefined>;

/** Parses the cluster manager's variables; throws a ConfigError naming each bad one. */
export function parseProvisioningEnv(source: EnvSource = process.env): ProvisioningEnv {
  // Next.js declares NODE_ENV required on NodeJS.ProcessEnv; the schema gives
  // it a default, so a source without it is valid.
  return parseEnv(provisioningEnvSchema, source as NodeJS.ProcessEnv);
}
