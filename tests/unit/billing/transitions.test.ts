import { describe, expect, it } from "vitest";
import { DomainError } from "../../../lib/domain/errors";
import { assertTransition, canTransition, type Entity } from "../../../lib/domain/transitions";

/** Every status change the billing worker and the payment operations make. */
const used: [Entity, string, string][] = [
  ["order", "SUBMITTED", "INVOICED"],
  ["order", "SUBMITTED", "CANCELLED"],
  ["order", "INVOICED", "PAID"],
  ["order", "INVOICED", "CANCELLED"],
  ["invoice", "OPEN", "PAID"],
  ["invoice", "OPEN", "VOID"],
  ["payment", "REQUIRES_CONFIRMATION", "PROCESSING"],
  ["payment", "REQUIRES_CONFIRMATION", "FAILED"],
  ["payment", "PROCESSING", "SUCCEEDED"],
  ["payment", "PROCESSING", "FAILED"],
];

/** Changes billing must never make: each would pay, void or charge twice. */
const forbidden: [Entity, string, string][] = [
  ["invoice", "PAID", "VOID"],
  ["invoice", "VOID", "PAID"],
  ["invoice", "PAID", "OPEN"],
  ["payment", "SUCCEEDED", "FAILED"],
  ["payment", "FAILED", "PROCESSING"],
  ["payment", "REQUIRES_CONFIRMATION", "SUCCEEDED"],
  ["order", "CANCELLED", "INVOICED"],
  ["order", "PAID", "CANCELLED"],
  ["order", "SUBMITTED", "PAID"],
];

describe("billing transitions", () => {
  it.each(used)("%s %s -> %s is allowed", (entity, from, to) => {
    expect(canTransition(entity, from as never, to)).toBe(true);
    expect(() => assertTransition(entity, from as never, to)).not.toThrow();
  });

  it.each(forbidden)("%s %s -> %s is rejected", (entity, from, to) => {
    expect(canTransition(entity, from as never, to)).toBe(false);
    let caught: unknown;
    try {
      assertTransition(entity, from as never, to);
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe("conflict");
  });
});
