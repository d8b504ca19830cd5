import type { Catalog, CatalogPlan } from "../catalog/types";
import type { OrderSpec } from "../orders/order-schema";
import { formatMoney } from "../pricing/money";
import { quoteOrder, type Quote } from "../pricing/quote-order";

/**
 * Prices a form's current values, or returns null while they name nothing
 * the catalog sells (quoteOrder throws a validation error then).
 */
export function quoteOrNull(spec: OrderSpec, catalog: Catalog): Quote | null {
  try {
    return quoteOrder(spec, catalog);
  } catch {
    return null;
  }
}

/** Formats a plan's size, like "2 vCPU · 4 GB memory · 80 GB disk"; database plans have no disk. */
export function planSize(plan: CatalogPlan): string {
  const memory =
    plan.memoryMb >= 1024 ? `${plan.memoryMb / 1024} GB memory` : `${plan.memoryMb} MB memory`;
  const parts = [`${plan.vcpus} vCPU`, memory];
  if (plan.diskGb > 0) parts.push(`${plan.diskGb} GB disk`);
  return parts.join(" · ");
}

export function planPrice(plan: CatalogPlan): string {
  return `${formatMoney(plan.monthlyPriceMinor, plan.currency)}/month`;
}

/** Returns the plans of one kind, in catalog order. */
export function plansOf(catalog: Catalog, kind: CatalogPlan["kind"]): CatalogPlan[] {
  return catalog.plans.filter((plan) => plan.kind === kind);
}

/** Name to use in line items while the customer has not typed one yet. */
export function nameOrPlaceholder(name: string): string {
  return name.trim() === "" ? "(unnamed)" : name.trim();
}
