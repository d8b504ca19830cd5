"use client";

import { useState } from "react";
import { NameField } from "@/components/orders/name-field";
import { OrderFormFrame } from "@/components/orders/order-form-frame";
import { PlanChoices } from "@/components/orders/plan-choices";
import { Field, inputClass } from "@/components/ui/form-field";
import { storagePriceKey, type Catalog } from "@/lib/catalog/types";
import { nameOrPlaceholder, plansOf, quoteOrNull } from "@/lib/client/quote";
import { useOrderSubmission } from "@/lib/client/use-order-submission";
import { managedDatabaseOrder } from "@/lib/orders/order-schema";
import { formatMoney } from "@/lib/pricing/money";

const fieldLabels = {
  name: "Name",
  engineId: "Engine and version",
  planId: "Size",
  storageGb: "Storage",
};
type FieldName = keyof typeof fieldLabels;
const fields = Object.keys(fieldLabels) as FieldName[];

/** Parses the storage as the schema would, for the live price; null while invalid. */
function storageOf(raw: string): number | null {
  const gb = Number(raw);
  const valid = raw.trim() !== "" && Number.isInteger(gb) && gb >= 10 && gb <= 2000;
  return valid && gb % 10 === 0 ? gb : null;
}

export function ManagedDatabaseForm({ catalog }: { catalog: Catalog }) {
  const plans = plansOf(catalog, "MANAGED_DATABASE");
  const storagePrice = catalog.prices.find((price) => price.key === storagePriceKey);
  const [values, setValues] = useState<Record<FieldName, string>>({
    name: "",
    engineId: catalog.databaseEngines[0]?.id ?? "",
    planId: plans[0]?.id ?? "",
    storageGb: "20",
  });
  const order = useOrderSubmission(managedDatabaseOrder, fields);
  const errors = order.fieldErrors;

  function update(field: FieldName, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    order.edited(field);
  }

  const raw = { kind: "MANAGED_DATABASE" as const, ...values };
  const storageGb = storageOf(values.storageGb);
  const quote =
    storageGb === null
      ? null
      : quoteOrNull({ ...raw, name: nameOrPlaceholder(values.name), storageGb }, catalog);

  return (
    <OrderFormFrame
      formRef={order.formRef}
      onSubmit={() => void order.submit(raw)}
      pending={order.pending}
      formError={order.formError}
      invalidFields={fields.filter((field) => errors[field]).map((field) => fieldLabels[field])}
      quote={quote}
      quoteMissing="Choose an engine, a size and 10 to 2000 GB of storage, in steps of 10, to see the price."
    >
      <NameField
        value={values.name}
        error={errors.name}
        onChange={(value) => update("name", value)}
        placeholder="orders-db"
      />
      <Field id="engineId" label="Engine and version" error={errors.engineId}>
        {(control) => (
          <select
            {...control}
            name="engineId"
            value={values.engineId}
            onChange={(event) => update("engineId", event.target.value)}
            className={inputClass}
          >
            {catalog.databaseEngines.map((engine) => (
              <option key={engine.id} value={engine.id}>
                {engine.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PlanChoices
        name="planId"
        legend="Size"
        plans={plans}
        value={values.planId}
        error={errors.planId}
        onChange={(planId) => update("planId", planId)}
      />
      <Field
        id="storageGb"
        label="Storage (GB)"
        hint={`10 to 2000 GB, in steps of 10${
          storagePrice
            ? `, at ${formatMoney(storagePrice.priceMinor, storagePrice.currency)} per GB and month`
            : ""
        }.`}
        error={errors.storageGb}
      >
        {(control) => (
          <input
            {...control}
            name="storageGb"
            type="number"
            inputMode="numeric"
            min={10}
            max={2000}
            step={10}
            value={values.storageGb}
            onChange={(event) => update("storageGb", event.target.value)}
            className={`${inputClass} max-w-40`}
          />
        )}
      </Field>
    </OrderFormFrame>
  );
}
