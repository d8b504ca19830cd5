import { describe, expect, it } from "vitest";
import { DomainError } from "../../../lib/domain/errors";
import { assertTransition, canTransition, transitions } from "../../../lib/domain/transitions";

describe("status transitions", () => {
  it.each([
    ["order", "SUBMITTED", "INVOICED"],
    ["order", "INVOICED", "PAID"],
    ["order", "PAID", "PROVISIONING"],
    ["order", "PROVISIONING", "COMPLETED"],
    ["order", "INVOICED", "CANCELLED"],
    ["invoice", "OPEN", "PAID"],
    ["invoice", "OPEN", "VOID"],
    ["payment", "REQUIRES_CONFIRMATION", "PROCESSING"],
    ["payment", "PROCESSING", "SUCCEEDED"],
    ["payment", "PROCESSING", "FAILED"],
    ["resource", "PENDING", "PROVISIONING"],
    ["resource", "PROVISIONING", "ACTIVE"],
    ["resource", "PROVISIONING", "FAILED"],
    ["refund", "PENDING", "SUCCEEDED"],
    ["refund", "PENDING", "FAILED"],
  ] as const)("allows %s %s to %s", (entity, from, to) => {
    expect(canTransition(entity, from as never, to)).toBe(true);
    expect(() => assertTransition(entity, from as never, to)).not.toThrow();
  });

  it.each([
    ["order", "SUBMITTED", "PAID"],
    ["order", "COMPLETED", "CANCELLED"],
    ["order", "CANCELLED", "INVOICED"],
    ["invoice", "PAID", "OPEN"],
    ["invoice", "VOID", "PAID"],
    ["invoice", "PAID", "VOID"],
    ["payment", "SUCCEEDED", "FAILED"],
    ["payment", "FAILED", "SUCCEEDED"],
    ["payment", "REQUIRES_CONFIRMATION", "SUCCEEDED"],
    ["resource", "ACTIVE", "PROVISIONING"],
    ["resource", "PENDING", "ACTIVE"],
    ["refund", "SUCCEEDED", "PENDING"],
    ["refund", "SUCCEEDED", "FAILED"],
    ["refund", "FAILED", "SUCCEEDED"],
    ["refund", "FAILED", "PENDING"],
    ["refund", "PENDING", "PENDING"],
  ] as const)("rejects %s %s to %s", (entity, from, to) => {
    expect(canTransition(entity, from as never, to)).toBe(false);
    expect(() => assertTransition(entity, from as never, to)).toThrow(DomainError);
  });

  it("rejected transition is a conflict naming both statuses", () => {
    try {
      assertTransition("invoice", "PAID", "OPEN");
      expect.unreachable("assertTransition should have thrown");
    } catch (error: unknown) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("conflict");
      expect((error as DomainError).message).toContain("PAID");
      expect((error as DomainError).message).toContain("OPEN");
    }
  });

  it("final statuses allow no change", () => {
    expect(transitions.order.COMPLETED).toHaveLength(0);
    expect(transitions.invoice.PAID).toHaveLength(0);
    expect(transitions.payment.SUCCEEDED).toHaveLength(0);
    expect(transitions.resource.ACTIVE).toHaveLength(0);
    expect(transitions.refund.SUCCEEDED).toHaveLength(0);
    expect(transitions.refund.FAILED).toHaveLength(0);
  });
});
