import { z } from "zod";

/** Raised when an environment variable is missing or malformed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const url = (protocols: string[], example: string) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `expected a URL like ${example}`);

/** Variables every process reads. Defaults match a development machine. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: url(
    ["postgresql:", "postgres:"],
    "postgresql://postgres@127.0.0.1:5432/swiftcloud",
  ).default("postgresql://postgres@127.0.0.1:5432/swiftcloud"),
  AMQP_URL: url(["amqp:", "amqps:"], "amqp://guest:guest@127.0.0.1:5672").default(
    "amqp://guest:guest@127.0.0.1:5672",
  ),
  /** Prefix of every exchange and queue name, so a test run has its own namespace. */
  BROKER_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,60}$/, "expected lowercase letters, digits, '.', '_' or '-'")
    .default("swiftcloud"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type BaseEnv = z.infer<typeof baseEnvSchema>;

/**
 * Parses `source` with `schema`, or throws a ConfigError that names each bad
 * variable and the expected form.
 */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  source: Record<string, string | undefined> = process.env,
): z.infer<Schema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const value = source[name];
    const shown = value === undefined || value === "" ? "missing" : "invalid";
    return `  ${name}: ${shown}, ${issue.message}`;
  });
  throw new ConfigError(`environment is not valid:\n${problems.join("\n")}`);
}
