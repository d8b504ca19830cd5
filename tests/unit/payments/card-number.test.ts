import { describe, expect, it } from "vitest";
import {
  cardLast4,
  normalizeCardNumber,
  passesLuhn,
} from "../../../lib/payments/sandbox/card-number";
import { findTestCard, sandboxTestCards } from "../../../lib/payments/sandbox/test-cards";

describe("passesLuhn", () => {
  it.each([
    ["4242424242424242", true],
    ["4000000000000002", true],
    ["4000000000009995", true],
    ["4000000000000077", true],
    ["5555555555554444", true],
    ["79927398713", true],
    ["4242424242424241", false],
    ["4000000000000001", false],
    ["79927398710", false],
    ["", false],
    ["4242 4242 4242 4242", false],
    ["42424242424242a2", false],
  ])("%s is %s", (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});

describe("normalizeCardNumber", () => {
  it("removes spaces between groups", () => {
    expect(normalizeCardNumber(" 4242 4242  4242 4242 ")).toBe("4242424242424242");
  });

  it("keeps other characters for the schema to reject", () => {
    expect(normalizeCardNumber("4242-4242")).toBe("4242-4242");
  });
});

describe("cardLast4", () => {
  it("returns the last four digits", () => {
    expect(cardLast4("4000000000009995")).toBe("9995");
  });
});

describe("sandbox test cards", () => {
  it("all pass the Luhn check", () => {
    for (const card of sandboxTestCards) {
      expect(passesLuhn(card.number.replaceAll(" ", "")), card.number).toBe(true);
    }
  });

  it.each([
    ["4242424242424242", { kind: "succeed" }],
    [
      "4000000000000002",
      { kind: "decline", code: "card_declined", reason: "Your card was declined." },
    ],
    [
      "4000000000009995",
      { kind: "decline", code: "insufficient_funds", reason: "Your card has insufficient funds." },
    ],
    ["4000000000000077", { kind: "settle_later", settleAfterMs: 6_000 }],
  ])("%s has its documented outcome", (digits, outcome) => {
    expect(findTestCard(digits)?.outcome).toEqual(outcome);
  });

  it("finds no card for a valid number that is not a test card", () => {
    expect(findTestCard("5555555555554444")).toBeUndefined();
  });
});
