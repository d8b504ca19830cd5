import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  cardFieldErrors,
  isExpiryInFuture,
  sandboxCardSchema,
} from "../../../lib/payments/sandbox/card-schema";

const validForm = {
  cardNumber: "4242 4242 4242 4242",
  expiry: "12/30",
  cvc: "123",
  cardholderName: "Ada Lovelace",
};

describe("sandboxCardSchema", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-04T12:00:00Z"));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("accepts a test card with spaces and strips them", () => {
    const parsed = sandboxCardSchema.parse(validForm);
    expect(parsed.cardNumber).toBe("4242424242424242");
  });

  it("accepts a test card without spaces", () => {
    const parsed = sandboxCardSchema.parse({ ...validForm, cardNumber: "4000000000000077" });
    expect(parsed.cardNumber).toBe("4000000000000077");
  });

  it("accepts a four-digit security code", () => {
    expect(sandboxCardSchema.safeParse({ ...validForm, cvc: "1234" }).success).toBe(true);
  });

  it("accepts a card expiring this month", () => {
    expect(sandboxCardSchema.safeParse({ ...validForm, expiry: "12/26" }).success).toBe(true);
  });

  it.each([
    { field: "cardNumber", value: "", message: "Enter the card number" },
    { field: "cardNumber", value: "4242-4242-4242-4242", message: "Use digits only" },
    { field: "cardNumber", value: "4242 4242", message: "12 to 19 digits" },
    { field: "cardNumber", value: "4242 4242 4242 4241", message: "invalid" },
    { field: "cardNumber", value: "5555 5555 5555 4444", message: "sandbox test card" },
    { field: "cardNumber", value: 4242424242424242, message: "Enter the card number" },
    { field: "expiry", value: "1230", message: "MM/YY" },
    { field: "expiry", value: "12/2030", message: "MM/YY" },
    { field: "expiry", value: "13/30", message: "01 to 12" },
    { field: "expiry", value: "00/30", message: "01 to 12" },
    { field: "expiry", value: "11/26", message: "expired" },
    { field: "expiry", value: "01/20", message: "expired" },
    { field: "cvc", value: "12", message: "3 or 4 digit" },
    { field: "cvc", value: "12345", message: "3 or 4 digit" },
    { field: "cvc", value: "12a", message: "3 or 4 digit" },
    { field: "cardholderName", value: "  ", message: "name on the card" },
    { field: "cardholderName", value: "x".repeat(101), message: "at most 100" },
  ])("rejects $field $value", ({ field, value, message }) => {
    const result = sandboxCardSchema.safeParse({ ...validForm, [field]: value });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = cardFieldErrors(result.error);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe(field);
    expect(errors[0]?.message).toContain(message);
  });

  it("reports every bad field once", () => {
    const result = sandboxCardSchema.safeParse({
      cardNumber: "1",
      expiry: "",
      cvc: "",
      cardholderName: "",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = cardFieldErrors(result.error).map((error) => error.field);
    expect(fields).toEqual(["cardNumber", "expiry", "cvc", "cardholderName"]);
  });
});

describe("isExpiryInFuture", () => {
  const now = new Date("2026-12-04T12:00:00Z");

  it.each([
    ["12/26", true],
    ["01/27", true],
    ["11/26", false],
    ["12/25", false],
    ["1226", false],
  ])("%s is %s on 4 December 2026", (expiry, expected) => {
    expect(isExpiryInFuture(expiry, now)).toBe(expected);
  });

  it("ends at the first instant of the next month, UTC", () => {
    expect(isExpiryInFuture("12/26", new Date("2026-12-31T23:59:59.999Z"))).toBe(true);
    expect(isExpiryInFuture("12/26", new Date("2027-01-01T00:00:00.000Z"))).toBe(false);
  });
});
