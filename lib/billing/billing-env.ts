import { z } from "zod";
import { baseEnvSchema, parseEnv } from "../config/env";

/** The billing worker's variables on top of those every process reads. */
export const billingEnvSchema = baseEnvSchema.extend({
  /** Hours an invoice stays payable; after that it is voided and its order cancelled. */
  INVOICE_EXPIRY_HOURS: z.coerce
    .number({ message: "expected a whole number of hours" })
    .int("expected a whole number of hours")
    .min(1, "expected at least 1 hour")
    .max(24 * 90, "expected at most 2160 hours (90 days)")
    .default(72),
});

export type BillingEnv = z.infer<typeof billingEnvSchema>;

let cached: BillingEnv | undefined;

/** Parses the billing variables once per process; throws ConfigError naming a bad one. */
export function billingEnv(): BillingEnv {
  cached ??= parseEnv(billingEnvSchema);
  return cached;
}
