import { describe, expect, it } from "vitest";
import { billingEnvSchema } from "../../../lib/billing/billing-env";
import { ConfigError, parseEnv } from "../../../lib/config/env";

const parse = (values: Record<string, string>) =>
  parseEnv(billingEnvSchema, values as NodeJS.ProcessEnv);

describe("billingEnvSchema", () => {
  it("defaults INVOICE_EXPIRY_HOURS to 72", () => {
    expect(parse({}).INVOICE_EXPIRY_HOURS).toBe(72);
  });

  it("reads INVOICE_EXPIRY_HOURS as a number", () => {
    expect(parse({ INVOICE_EXPIRY_HOURS: "24" }).INVOICE_EXPIRY_HOURS).toBe(24);
  });

  it.each(["abc", "0", "1.5", "5000"])("rejects INVOICE_EXPIRY_HOURS=%s naming it", (value) => {
    expect(() => parse({ INVOICE_EXPIRY_HOURS: value })).toThrow(ConfigError);
    expect(() => parse({ INVOICE_EXPIRY_HOURS: value })).toThrow(/INVOICE_EXPIRY_HOURS: invalid/);
  });
});
