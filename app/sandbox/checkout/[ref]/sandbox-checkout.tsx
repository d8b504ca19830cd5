"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/form-field";
import { FormAlert } from "@/components/ui/form-alert";
import { Money } from "@/components/ui/money";
import { ApiError } from "@/lib/client/api-error";
import {
  fieldErrorsOfApi,
  fieldErrorsOfZod,
  formMessageOf,
  useFormErrors,
} from "@/lib/client/form-errors";
import {
  cancelSandboxCheckout,
  confirmSandboxCheckout,
  fetchSandboxCheckout,
  queryKeys,
  type SandboxCardDetails,
} from "@/lib/client/queries";
import { sameOriginPath } from "@/lib/client/safe-path";
import type { SandboxCheckoutView } from "@/lib/payments/sandbox/get-checkout";
import { sandboxCardSchema } from "@/lib/payments/sandbox/card-schema";

const fieldLabels: Record<keyof SandboxCardDetails, string> = {
  cardholderName: "Cardholder name",
  cardNumber: "Card number",
  expiry: "Expiry date",
  cvc: "Security code",
};
const fields = Object.keys(fieldLabels) as (keyof SandboxCardDetails)[];

type Action = "pay" | "cancel" | null;

/** Returns why the card form is closed, or null while the checkout accepts a card. */
function closedReason(checkout: SandboxCheckoutView): string | null {
  switch (checkout.status) {
    case "PROCESSING":
      return "This payment was submitted and is being processed.";
    case "SUCCEEDED":
      return "This payment has succeeded.";
    case "FAILED":
      return "This checkout has ended. Start a new payment from the invoice.";
    case "REQUIRES_CONFIRMATION":
      return Date.parse(checkout.expiresAt) <= Date.now()
        ? "This invoice can no longer be paid; its payment window has ended."
        : null;
  }
}

export function SandboxCheckout({ initialCheckout }: { initialCheckout: SandboxCheckoutView }) {
  const ref = initialCheckout.providerRef;
  const queryClient = useQueryClient();
  const { data: checkout } = useQuery({
    queryKey: queryKeys.sandboxCheckout(ref),
    queryFn: () => fetchSandboxCheckout(ref),
    initialData: initialCheckout,
  });
  const [card, setCard] = useState<SandboxCardDetails>({
    cardholderName: "",
    cardNumber: "",
    expiry: "",
    cvc: "",
  });
  const [action, setAction] = useState<Action>(null);
  const errors = useFormErrors();
  const invoicePath = `/invoices/${checkout.invoiceId}`;

  function update(field: keyof SandboxCardDetails, value: string) {
    setCard((current) => ({ ...current, [field]: value }));
    errors.clearField(field);
  }

  /** Leaves for the portal; the server names the page, which must be on this site. */
  function leave(redirectUrl: string) {
    window.location.assign(sameOriginPath(redirectUrl, invoicePath));
  }

  function failed(error: unknown) {
    setAction(null);
    if (error instanceof ApiError && error.fields.length > 0) {
      const { errors: byField, unmatched } = fieldErrorsOfApi(error.fields, fields);
      errors.report(byField, unmatched.length > 0 ? error.message : null);
      return;
    }
    errors.report({}, formMessageOf(error));
    if (error instanceof ApiError && error.status === 409) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.sandboxCheckout(ref) });
    }
  }

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = sandboxCardSchema.safeParse(card);
    if (!parsed.success) {
      errors.report(fieldErrorsOfZod(parsed.error));
      return;
    }
    setAction("pay");
    errors.clear();
    try {
      leave(await confirmSandboxCheckout(ref, card));
    } catch (error: unknown) {
      failed(error);
    }
  }

  async function cancel() {
    setAction("cancel");
    errors.clear();
    try {
      leave(await cancelSandboxCheckout(ref));
    } catch (error: unknown) {
      failed(error);
    }
  }

  const closed = closedReason(checkout);
  const invalid = fields.filter((field) => errors.fieldErrors[field]).map((f) => fieldLabels[f]);

  return (
    <div className="space-y-6">
      <div className="rounded-xl border border-stone-300 bg-white p-5 shadow-sm">
        <h1 className="text-sm font-semibold text-stone-600">
          Pay SwiftCloud invoice {checkout.invoiceNumber}
        </h1>
        <p className="mt-1 text-3xl font-bold text-stone-900">
          <Money amountMinor={checkout.amountMinor} currency={checkout.currency} />
        </p>
        <p className="mt-1 text-sm text-stone-600">
          Sandbox checkout: use a test card below. Real cards are rejected and nothing is charged.
        </p>
      </div>

      {closed ? (
        <div role="status" className="space-y-3 rounded-xl border border-stone-300 bg-white p-5">
          <p className="font-semibold text-stone-900">{closed}</p>
          <Link href={invoicePath} className="font-semibold text-sky-800 underline">
            Return to invoice {checkout.invoiceNumber}
          </Link>
        </div>
      ) : (
        <>
          <TestCards cards={checkout.testCards} onUse={(number) => update("cardNumber", number)} />
          <form
            method="post"
            ref={errors.formRef}
            onSubmit={pay}
            noValidate
            aria-labelledby="card-heading"
            className="space-y-5 rounded-xl border border-stone-300 bg-white p-5"
          >
            <h2 id="card-heading" className="text-lg font-semibold text-stone-900">
              Card details
            </h2>
            <FormAlert message={errors.formError} invalidFields={invalid} />
            <Field
              id="cardholderName"
              label="Cardholder name"
              error={errors.fieldErrors.cardholderName}
            >
              {(control) => (
                <input
                  {...control}
                  name="cardholderName"
                  autoComplete="off"
                  value={card.cardholderName}
                  onChange={(event) => update("cardholderName", event.target.value)}
                  className={inputClass}
                />
              )}
            </Field>
            {/* autoComplete="off" on the card fields: a browser must not offer a
                saved real card on a page that accepts test cards only. */}
            <Field id="cardNumber" label="Card number" error={errors.fieldErrors.cardNumber}>
              {(control) => (
                <input
                  {...control}
                  name="cardNumber"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder="4242 4242 4242 4242"
                  value={card.cardNumber}
                  onChange={(event) => update("cardNumber", event.target.value)}
                  className={`${inputClass} font-mono`}
                />
              )}
            </Field>
            <div className="grid gap-5 sm:grid-cols-2">
              <Field id="expiry" label="Expiry date" hint="MM/YY" error={errors.fieldErrors.expiry}>
                {(control) => (
                  <input
                    {...control}
                    name="expiry"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="12/30"
                    value={card.expiry}
                    onChange={(event) => update("expiry", event.target.value)}
                    className={`${inputClass} font-mono`}
                  />
                )}
              </Field>
              <Field
                id="cvc"
                label="Security code"
                hint="3 or 4 digits"
                error={errors.fieldErrors.cvc}
              >
                {(control) => (
                  <input
                    {...control}
                    name="cvc"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="123"
                    value={card.cvc}
                    onChange={(event) => update("cvc", event.target.value)}
                    className={`${inputClass} font-mono`}
                  />
                )}
              </Field>
            </div>
            <div className="flex flex-wrap gap-3">
              <Button
                type="submit"
                pending={action === "pay"}
                pendingLabel="Paying…"
                disabled={action !== null}
              >
                Pay
              </Button>
              <Button
                variant="secondary"
                onClick={() => void cancel()}
                pending={action === "cancel"}
                pendingLabel="Cancelling…"
                disabled={action !== null}
              >
                Cancel
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}

interface TestCardsProps {
  cards: SandboxCheckoutView["testCards"];
  onUse: (number: string) => void;
}

/**
 * Lists the test cards, one row each with a "Use" button that fills the card
 * number. On a narrow screen a row stacks the number over the outcome, beside
 * the button. From the sm breakpoint up all three sit on one line, and the
 * monospaced numbers line up as a column.
 */
function TestCards({ cards, onUse }: TestCardsProps) {
  return (
    <section
      aria-labelledby="test-cards-heading"
      className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-950"
    >
      <h2 id="test-cards-heading" className="text-lg font-semibold">
        Test cards
      </h2>
      <p className="text-sm">
        Any future expiry date, any security code of 3 or 4 digits and any name work with these
        numbers.
      </p>
      <ul className="divide-y divide-amber-200 text-sm">
        {cards.map((card) => (
          <li key={card.number} className="flex items-center gap-3 py-3">
            <span className="min-w-0 flex-1 sm:flex sm:items-center sm:gap-4">
              <span className="block font-mono whitespace-nowrap">{card.number}</span>
              <span className="block">{card.label}</span>
            </span>
            <button
              type="button"
              onClick={() => onUse(card.number)}
              aria-label={`Use test card ${card.number}`}
              className="min-h-9 shrink-0 rounded border border-amber-400 bg-white px-3 py-1.5 text-xs font-semibold hover:bg-amber-100"
            >
              Use
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
