import type { FormEvent, ReactNode, RefObject } from "react";
import type { Quote } from "@/lib/pricing/quote-order";
import { Button } from "../ui/button";
import { FormAlert } from "../ui/form-alert";
import { PriceSummary } from "./price-summary";

interface OrderFormFrameProps {
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: () => void;
  pending: boolean;
  formError: string | null;
  invalidFields: string[];
  quote: Quote | null;
  quoteMissing: string;
  children: ReactNode;
}

/**
 * Lays out an order form: the error summary, the fields, and the live price
 * with the "Place order" button beside them (below them on a narrow screen).
 */
export function OrderFormFrame({
  formRef,
  onSubmit,
  pending,
  formError,
  invalidFields,
  quote,
  quoteMissing,
  children,
}: OrderFormFrameProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form
      method="post"
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]"
    >
      <div className="space-y-6">
        <FormAlert message={formError} invalidFields={invalidFields} />
        {children}
      </div>
      <div className="space-y-4 lg:sticky lg:top-6">
        <PriceSummary quote={quote} missing={quoteMissing} />
        <Button type="submit" pending={pending} pendingLabel="Placing order…" className="w-full">
          Place order
        </Button>
        <p className="text-xs text-slate-600">
          Placing the order issues an invoice. Nothing is created until the invoice is paid.
        </p>
      </div>
    </form>
  );
}
