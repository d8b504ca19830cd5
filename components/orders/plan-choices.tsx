import type { CatalogPlan } from "@/lib/catalog/types";
import { planPrice, planSize } from "@/lib/client/quote";
import { ChoiceCard, ChoiceGroup } from "../ui/form-field";

interface PlanChoicesProps {
  /** Radio group name, also the prefix of each radio's id. */
  name: string;
  legend: string;
  plans: CatalogPlan[];
  value: string;
  error?: string;
  onChange: (planId: string) => void;
}

/** Renders the size plans of one kind as radio cards with vCPU, memory, disk and price. */
export function PlanChoices({ name, legend, plans, value, error, onChange }: PlanChoicesProps) {
  return (
    <ChoiceGroup id={name} legend={legend} error={error}>
      <div className="grid gap-2 sm:grid-cols-2">
        {plans.map((plan) => (
          <ChoiceCard
            key={plan.id}
            name={name}
            value={plan.id}
            checked={value === plan.id}
            invalid={Boolean(error)}
            onChange={onChange}
            title={plan.name}
            detail={planSize(plan)}
            aside={planPrice(plan)}
          />
        ))}
      </div>
    </ChoiceGroup>
  );
}
