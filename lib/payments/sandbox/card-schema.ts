import { z } from "zod";
import type { FieldError } from "../../domain/errors";
import { normalizeCardNumber, passesLuhn } from "./card-number";
import { findTestCard } from "./test-cards";

/**
 * Checks whether a card expiring at `expiry` (MM/YY) is still valid at `now`. A card
 * is valid through the last day of its expiry month, in UTC.
 */
export function isExpiryInFuture(expiry: string, now: Date = new Date()): boolean {
  const match = /^(\d{2})\/(\d{2})$/.exec(expiry);
  if (!match) return false;
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  // Date.UTC with the month index equal to the 1-based month is the first
  // instant of the following month.
  return now.getTime() < Date.UTC(year, month, 1);
}

const cardNumber = z
  .string({ message: "Enter the card number" })
  .transform(normalizeCardNumber)
  .superRefine((digits, context) => {
    const fail = (message: string) => context.addIssue({ code: "custom", message });
    if (digits === "") return fail("Enter the card number");
    if (!/^\d+$/.test(digits)) return fail("Use digits only in the card number");
    if (digits.length < 12 || digits.length > 19) {
      return fail("Enter a card number of 12 to 19 digits");
    }
    if (!passesLuhn(digits)) return fail("This card number is invalid; check the digits");
    if (!findTestCard(digits)) {
      return fail(
        "Use a sandbox test card, such as 4242 4242 4242 4242; real cards are not accepted",
      );
    }
  });

const expiry = z
  .string({ message: "Enter the expiry date as MM/YY" })
  .trim()
  .superRefine((value, context) => {
    const fail = (message: string) => context.addIssue({ code: "custom", message });
    const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(value);
    if (!match) return fail("Enter the expiry date as MM/YY");
    const month = Number(match[1]);
    if (month < 1 || month > 12) return fail("Enter a month from 01 to 12");
    if (!isExpiryInFuture(`${match[1]}/${match[2]}`)) return fail("This card has expired");
  })
  .transform((value) => value.replace(/\s+/g, ""));

/**
 * The sandbox checkout form. The page validates with it before submitting
 * and `confirmSandboxCheckout` validates again. The parsed card number has
 * its spaces removed.
 */
export const sandboxCardSchema = z.object({
  cardNumber,
  expiry,
  cvc: z
    .string({ message: "Enter the security code" })
    .trim()
    .regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code"),
  cardholderName: z
    .string({ message: "Enter the name on the card" })
    .trim()
    .min(1, "Enter the name on the card")
    .max(100, "Use at most 100 characters"),
});

export type SandboxCardForm = z.input<typeof sandboxCardSchema>;
export type SandboxCard = z.output<typeof sandboxCardSchema>;

/** Field errors of a failed parse, one per field, in the form's order. */
export function cardFieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    if (seen.has(field)) continue;
    seen.add(field);
    fields.push({ field, message: issue.message });
  }
  return fields;
}
