import { describe, expect, it } from "vitest";
import { baseEnvSchema, ConfigError, parseEnv } from "../../../lib/config/env";
import { webEnvSchema } from "../../../lib/config/web-env";

describe("parseEnv", () => {
  it("applies development defaults", () => {
    const env = parseEnv(baseEnvSchema, {});
    expect(env.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/swiftcloud");
    expect(env.AMQP_URL).toBe("amqp://guest:guest@127.0.0.1:5672");
    expect(env.BROKER_PREFIX).toBe("swiftcloud");
  });

  it("names a malformed variable and the expected form", () => {
    expect(() => parseEnv(baseEnvSchema, { DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    expect(() => parseEnv(baseEnvSchema, { DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: invalid, expected a URL like postgresql:/,
    );
  });

  it("names a missing required variable", () => {
    expect(() => parseEnv(webEnvSchema, {})).toThrow(/NEXTAUTH_SECRET: missing/);
  });

  it("rejects a short session secret", () => {
    expect(() => parseEnv(webEnvSchema, { NEXTAUTH_SECRET: "short" })).toThrow(
      /at least 32 characters/,
    );
  });

  it("rejects a broker prefix with spaces", () => {
    expect(() => parseEnv(baseEnvSchema, { BROKER_PREFIX: "my prefix" })).toThrow(/BROKER_PREFIX/);
  });
});
