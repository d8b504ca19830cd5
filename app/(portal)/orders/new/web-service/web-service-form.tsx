"use client";

import { useState } from "react";
import { NameField } from "@/components/orders/name-field";
import { OrderFormFrame } from "@/components/orders/order-form-frame";
import { PlanChoices } from "@/components/orders/plan-choices";
import { ChoiceCard, ChoiceGroup, Field, inputClass } from "@/components/ui/form-field";
import type { Catalog } from "@/lib/catalog/types";
import { nameOrPlaceholder, plansOf, quoteOrNull } from "@/lib/client/quote";
import { useOrderSubmission } from "@/lib/client/use-order-submission";
import { webServiceOrder, type OrderSpec } from "@/lib/orders/order-schema";

const fieldLabels = {
  name: "Name",
  "source.type": "Source",
  "source.runtimeId": "Runtime",
  "source.image": "Container image",
  planId: "Instance size",
  instances: "Instances",
};
type FieldName = keyof typeof fieldLabels;
const fields = Object.keys(fieldLabels) as FieldName[];

type SourceType = "runtime" | "image";

interface Values {
  name: string;
  sourceType: SourceType;
  runtimeId: string;
  image: string;
  planId: string;
  instances: string;
}

/** Parses the instance count as the schema would, for the live price; null while invalid. */
function instanceCount(raw: string): number | null {
  const count = Number(raw);
  return raw.trim() !== "" && Number.isInteger(count) && count >= 1 && count <= 10 ? count : null;
}

export function WebServiceForm({ catalog }: { catalog: Catalog }) {
  const plans = plansOf(catalog, "WEB_SERVICE");
  const [values, setValues] = useState<Values>({
    name: "",
    sourceType: "runtime",
    runtimeId: catalog.runtimes[0]?.id ?? "",
    image: "",
    planId: plans[0]?.id ?? "",
    instances: "1",
  });
  const order = useOrderSubmission(webServiceOrder, fields);
  const errors = order.fieldErrors;

  function update<K extends keyof Values>(key: K, value: Values[K], field: FieldName) {
    setValues((current) => ({ ...current, [key]: value }));
    order.edited(field);
  }

  const source =
    values.sourceType === "runtime"
      ? { type: "runtime" as const, runtimeId: values.runtimeId }
      : { type: "image" as const, image: values.image };
  const raw = {
    kind: "WEB_SERVICE" as const,
    name: values.name,
    source,
    planId: values.planId,
    instances: values.instances,
  };
  const count = instanceCount(values.instances);
  const imageForQuote = values.image.trim() === "" ? "your image" : values.image.trim();
  const quoteSpec: OrderSpec | null =
    count === null
      ? null
      : {
          ...raw,
          name: nameOrPlaceholder(values.name),
          source: source.type === "image" ? { type: "image", image: imageForQuote } : source,
          instances: count,
        };
  const quote = quoteSpec ? quoteOrNull(quoteSpec, catalog) : null;

  return (
    <OrderFormFrame
      formRef={order.formRef}
      onSubmit={() => void order.submit(raw)}
      pending={order.pending}
      formError={order.formError}
      invalidFields={fields.filter((field) => errors[field]).map((field) => fieldLabels[field])}
      quote={quote}
      quoteMissing="Choose an instance size and 1 to 10 instances to see the price."
    >
      <NameField
        value={values.name}
        error={errors.name}
        onChange={(value) => update("name", value, "name")}
        placeholder="api"
      />
      <ChoiceGroup id="source.type" legend="Source" error={errors["source.type"]}>
        <div className="grid gap-2 sm:grid-cols-2">
          <ChoiceCard
            name="sourceType"
            value="runtime"
            checked={values.sourceType === "runtime"}
            invalid={Boolean(errors["source.type"])}
            onChange={() => update("sourceType", "runtime", "source.type")}
            title="Source code"
            detail="Runs on a managed runtime that we keep patched."
          />
          <ChoiceCard
            name="sourceType"
            value="image"
            checked={values.sourceType === "image"}
            invalid={Boolean(errors["source.type"])}
            onChange={() => update("sourceType", "image", "source.type")}
            title="Prebuilt image"
            detail="Runs a container image from a public registry."
          />
        </div>
      </ChoiceGroup>
      {values.sourceType === "runtime" ? (
        <Field id="source.runtimeId" label="Runtime" error={errors["source.runtimeId"]}>
          {(control) => (
            <select
              {...control}
              name="runtimeId"
              value={values.runtimeId}
              onChange={(event) => update("runtimeId", event.target.value, "source.runtimeId")}
              className={inputClass}
            >
              {catalog.runtimes.map((runtime) => (
                <option key={runtime.id} value={runtime.id}>
                  {runtime.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field
          id="source.image"
          label="Container image"
          hint="A reference with a tag or digest, like nginx:1.27 or ghcr.io/acme/api:v2."
          error={errors["source.image"]}
        >
          {(control) => (
            <input
              {...control}
              name="image"
              autoComplete="off"
              spellCheck={false}
              value={values.image}
              onChange={(event) => update("image", event.target.value, "source.image")}
              className={inputClass}
            />
          )}
        </Field>
      )}
      <PlanChoices
        name="planId"
        legend="Instance size"
        plans={plans}
        value={values.planId}
        error={errors.planId}
        onChange={(planId) => update("planId", planId, "planId")}
      />
      <Field
        id="instances"
        label="Instances"
        hint="1 to 10. Each instance is billed at the size's price."
        error={errors.instances}
      >
        {(control) => (
          <input
            {...control}
            name="instances"
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            step={1}
            value={values.instances}
            onChange={(event) => update("instances", event.target.value, "instances")}
            className={`${inputClass} max-w-32`}
          />
        )}
      </Field>
    </OrderFormFrame>
  );
}
