"use client";

import { useState } from "react";
import { OrderFormFrame } from "@/components/orders/order-form-frame";
import { Field, inputClass } from "@/components/ui/form-field";
import { domainPriceKey, sellableTlds, type Catalog } from "@/lib/catalog/types";
import { quoteOrNull } from "@/lib/client/quote";
import { useOrderSubmission } from "@/lib/client/use-order-submission";
import { domainName, domainOrder } from "@/lib/orders/order-schema";
import { formatMoney } from "@/lib/pricing/money";

const fieldLabels = { domain: "Domain name", years: "Registration period" };
type FieldName = keyof typeof fieldLabels;
const fields = Object.keys(fieldLabels) as FieldName[];
const yearChoices = Array.from({ length: 10 }, (_, index) => index + 1);

export function DomainForm({ catalog }: { catalog: Catalog }) {
  const [values, setValues] = useState<Record<FieldName, string>>({ domain: "", years: "1" });
  const order = useOrderSubmission(domainOrder, fields);
  const errors = order.fieldErrors;

  function update(field: FieldName, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    order.edited(field);
  }

  const tldPrices = sellableTlds(catalog)
    .map((tld) => ({ tld, price: catalog.prices.find((p) => p.key === domainPriceKey(tld)) }))
    .map(({ tld, price }) =>
      price ? `.${tld} ${formatMoney(price.priceMinor, price.currency)}` : null,
    )
    .filter((entry) => entry !== null);

  const raw = { kind: "DOMAIN" as const, ...values };
  // Only a well-formed name has a price; the schema also lowercases it.
  const domain = domainName.safeParse(values.domain);
  const quote = domain.success
    ? quoteOrNull({ kind: "DOMAIN", domain: domain.data, years: Number(values.years) }, catalog)
    : null;
  const missing =
    domain.success && !quote
      ? "This ending is not sold here. Choose one of the endings listed under the domain name."
      : "Enter a domain name like example.com to see the price.";

  return (
    <OrderFormFrame
      formRef={order.formRef}
      onSubmit={() => void order.submit(raw)}
      pending={order.pending}
      formError={order.formError}
      invalidFields={fields.filter((field) => errors[field]).map((field) => fieldLabels[field])}
      quote={quote}
      quoteMissing={missing}
    >
      <Field
        id="domain"
        label="Domain name"
        hint={`Without http:// or www. Price per year: ${tldPrices.join(", ")}.`}
        error={errors.domain}
      >
        {(control) => (
          <input
            {...control}
            name="domain"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="example.com"
            value={values.domain}
            onChange={(event) => update("domain", event.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="years" label="Registration period" error={errors.years}>
        {(control) => (
          <select
            {...control}
            name="years"
            value={values.years}
            onChange={(event) => update("years", event.target.value)}
            className={`${inputClass} max-w-48`}
          >
            {yearChoices.map((years) => (
              <option key={years} value={String(years)}>
                {years === 1 ? "1 year" : `${years} years`}
              </option>
            ))}
          </select>
        )}
      </Field>
    </OrderFormFrame>
  );
}
