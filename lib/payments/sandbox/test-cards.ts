/**
 * The sandbox provider's test cards. No real card is ever charged: a number
 * that is not listed here is rejected on the checkout form.
 */
export type SandboxCardOutcome =
  | { kind: "succeed" }
  | { kind: "decline"; code: string; reason: string }
  | { kind: "settle_later"; settleAfterMs: number };

export interface SandboxTestCard {
  /** Grouped in fours, as printed on the checkout page. */
  number: string;
  label: string;
  outcome: SandboxCardOutcome;
}

export const sandboxTestCards: readonly SandboxTestCard[] = [
  {
    number: "4242 4242 4242 4242",
    label: "Succeeds at once",
    outcome: { kind: "succeed" },
  },
  {
    number: "4000 0000 0000 0002",
    label: "Declined: card declined",
    outcome: { kind: "decline", code: "card_declined", reason: "Your card was declined." },
  },
  {
    number: "4000 0000 0000 9995",
    label: "Declined: insufficient funds",
    outcome: {
      kind: "decline",
      code: "insufficient_funds",
      reason: "Your card has insufficient funds.",
    },
  },
  {
    number: "4000 0000 0000 0077",
    label: "Processing for 6 seconds, then succeeds",
    outcome: { kind: "settle_later", settleAfterMs: 6_000 },
  },
];

/** Finds the test card with these digits (no spaces), if there is one. */
export function findTestCard(digits: string): SandboxTestCard | undefined {
  return sandboxTestCards.find((card) => card.number.replaceAll(" ", "") === digits);
}
