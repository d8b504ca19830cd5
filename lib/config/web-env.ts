import { z } from "zod";
import { baseEnvSchema, parseEnv } from "./env";

export const webEnvSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  NEXTAUTH_URL: z
    .string()
    .url("expected the portal's public URL, like http://localhost:3000")
    .optional(),
  NEXTAUTH_SECRET: z
    .string({ message: "expected a random string of at least 32 characters" })
    .min(32, "expected a random string of at least 32 characters (openssl rand -hex 32)"),
  PAYMENT_PROVIDER: z.enum(["sandbox"]).default("sandbox"),
  /** Sign-ups accepted per client address and hour. */
  SIGNUP_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(20),
});

export type WebEnv = z.infer<typeof webEnvSchema>;

let cached: WebEnv | undefined;

/** Returns the web process's configuration, parsed once. */
export function webEnv(): WebEnv {
  cached ??= parseEnv(webEnvSchema);
  return cached;
}
