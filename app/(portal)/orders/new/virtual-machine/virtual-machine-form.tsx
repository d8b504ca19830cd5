"use client";

import { useState } from "react";
import { NameField } from "@/components/orders/name-field";
import { OrderFormFrame } from "@/components/orders/order-form-frame";
import { PlanChoices } from "@/components/orders/plan-choices";
import { Field, inputClass } from "@/components/ui/form-field";
import type { Catalog } from "@/lib/catalog/types";
import { nameOrPlaceholder, plansOf, quoteOrNull } from "@/lib/client/quote";
import { useOrderSubmission } from "@/lib/client/use-order-submission";
import { virtualMachineOrder } from "@/lib/orders/order-schema";

const fieldLabels = {
  name: "Name",
  regionId: "Region",
  imageId: "Operating system",
  planId: "Size",
};
type FieldName = keyof typeof fieldLabels;
const fields = Object.keys(fieldLabels) as FieldName[];

export function VirtualMachineForm({ catalog }: { catalog: Catalog }) {
  const plans = plansOf(catalog, "VIRTUAL_MACHINE");
  const [values, setValues] = useState<Record<FieldName, string>>({
    name: "",
    regionId: catalog.regions[0]?.id ?? "",
    imageId: catalog.images[0]?.id ?? "",
    planId: plans[0]?.id ?? "",
  });
  const order = useOrderSubmission(virtualMachineOrder, fields);

  function update(field: FieldName, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    order.edited(field);
  }

  const spec = { kind: "VIRTUAL_MACHINE" as const, ...values };
  const quote = quoteOrNull({ ...spec, name: nameOrPlaceholder(values.name) }, catalog);
  const errors = order.fieldErrors;

  return (
    <OrderFormFrame
      formRef={order.formRef}
      onSubmit={() => void order.submit(spec)}
      pending={order.pending}
      formError={order.formError}
      invalidFields={fields.filter((field) => errors[field]).map((field) => fieldLabels[field])}
      quote={quote}
      quoteMissing="Choose a region, an operating system and a size to see the price."
    >
      <NameField
        value={values.name}
        error={errors.name}
        onChange={(value) => update("name", value)}
        placeholder="web-1"
      />
      <Field id="regionId" label="Region" error={errors.regionId}>
        {(control) => (
          <select
            {...control}
            name="regionId"
            value={values.regionId}
            onChange={(event) => update("regionId", event.target.value)}
            className={inputClass}
          >
            {catalog.regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name} ({region.city}, {region.country})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="imageId" label="Operating system" error={errors.imageId}>
        {(control) => (
          <select
            {...control}
            name="imageId"
            value={values.imageId}
            onChange={(event) => update("imageId", event.target.value)}
            className={inputClass}
          >
            {catalog.images.map((image) => (
              <option key={image.id} value={image.id}>
                {image.name}
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
    </OrderFormFrame>
  );
}
