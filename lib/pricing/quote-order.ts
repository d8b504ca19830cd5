import { domainPriceKey, storagePriceKey, type Catalog, type CatalogPlan } from "../catalog/types";
import { DomainError, type FieldError } from "../domain/errors";
import type { OrderSpec } from "../orders/order-schema";

export interface QuoteLineItem {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
}

export interface Quote {
  currency: string;
  lineItems: QuoteLineItem[];
  subtotalMinor: number;
  /** "month" for recurring resources, "year" for a domain registration. */
  period: "month" | "year";
  /** Price per period, shown on the form before submitting. */
  recurringMinor: number;
}

function lineItem(description: string, quantity: number, unitPriceMinor: number): QuoteLineItem {
  return { description, quantity, unitPriceMinor, amountMinor: quantity * unitPriceMinor };
}

function planSummary(plan: CatalogPlan): string {
  const memoryGb = plan.memoryMb / 1024;
  const parts = [`${plan.vcpus} vCPU`, `${memoryGb} GB memory`];
  // Database plans carry no disk of their own; storage is its own line item.
  if (plan.diskGb > 0) parts.push(`${plan.diskGb} GB disk`);
  return parts.join(", ");
}

/**
 * Prices an order from the catalog: the first period's line items. Throws a
 * validation DomainError naming each field whose id the catalog lacks.
 */
export function quoteOrder(spec: OrderSpec, catalog: Catalog): Quote {
  const problems: FieldError[] = [];
  const findPlan = (planId: string) => {
    const plan = catalog.plans.find((p) => p.id === planId && p.kind === spec.kind);
    if (!plan)
      problems.push({
        field: "planId",
        message: `Unknown plan "${planId}" for this kind; choose one from the list`,
      });
    return plan;
  };
  const fail = () =>
    new DomainError("validation", "The order names something the catalog does not offer", problems);

  switch (spec.kind) {
    case "VIRTUAL_MACHINE": {
      const plan = findPlan(spec.planId);
      const region = catalog.regions.find((r) => r.id === spec.regionId);
      if (!region)
        problems.push({
          field: "regionId",
          message: `Unknown region "${spec.regionId}"; choose one from the list`,
        });
      const image = catalog.images.find((i) => i.id === spec.imageId);
      if (!image)
        problems.push({
          field: "imageId",
          message: `Unknown image "${spec.imageId}"; choose one from the list`,
        });
      if (!plan || !region || !image) throw fail();
      const items = [
        lineItem(
          `Virtual machine ${spec.name}: ${plan.name} (${planSummary(plan)}), ${image.name}, ${region.name}, 1 month`,
          1,
          plan.monthlyPriceMinor,
        ),
      ];
      return build(plan.currency, items, "month");
    }
    case "WEB_SERVICE": {
      const plan = findPlan(spec.planId);
      let sourceName: string;
      if (spec.source.type === "runtime") {
        const runtimeId = spec.source.runtimeId;
        const runtime = catalog.runtimes.find((r) => r.id === runtimeId);
        if (!runtime)
          problems.push({
            field: "source.runtimeId",
            message: `Unknown runtime "${runtimeId}"; choose one from the list`,
          });
        sourceName = runtime?.name ?? "";
      } else {
        sourceName = spec.source.image;
      }
      if (!plan || problems.length > 0) throw fail();
      const items = [
        lineItem(
          `Web service ${spec.name}: ${plan.name} instance (${planSummary(plan)}) running ${sourceName}, 1 month`,
          spec.instances,
          plan.monthlyPriceMinor,
        ),
      ];
      return build(plan.currency, items, "month");
    }
    case "MANAGED_DATABASE": {
      const plan = findPlan(spec.planId);
      const engine = catalog.databaseEngines.find((e) => e.id === spec.engineId);
      if (!engine)
        problems.push({
          field: "engineId",
          message: `Unknown engine "${spec.engineId}"; choose one from the list`,
        });
      const storage = catalog.prices.find((p) => p.key === storagePriceKey);
      if (!storage)
        problems.push({ field: "storageGb", message: "Storage is not on sale at the moment" });
      if (!plan || !engine || !storage) throw fail();
      const items = [
        lineItem(
          `Managed ${engine.name} ${spec.name}: ${plan.name} (${planSummary(plan)}), 1 month`,
          1,
          plan.monthlyPriceMinor,
        ),
        lineItem(`Storage for ${spec.name}, GB-month`, spec.storageGb, storage.priceMinor),
      ];
      return build(plan.currency, items, "month");
    }
    case "DOMAIN": {
      const tld = spec.domain.slice(spec.domain.lastIndexOf(".") + 1);
      const price = catalog.prices.find((p) => p.key === domainPriceKey(tld));
      if (!price) {
        problems.push({
          field: "domain",
          message: `Domains ending in .${tld} are not sold here; choose another ending`,
        });
        throw fail();
      }
      const items = [
        lineItem(`Registration of ${spec.domain}, per year`, spec.years, price.priceMinor),
      ];
      const quote = build(price.currency, items, "year");
      return { ...quote, recurringMinor: price.priceMinor };
    }
  }
}

function build(currency: string, lineItems: QuoteLineItem[], period: Quote["period"]): Quote {
  const subtotalMinor = lineItems.reduce((sum, item) => sum + item.amountMinor, 0);
  return { currency, lineItems, subtotalMinor, period, recurringMinor: subtotalMinor };
}
