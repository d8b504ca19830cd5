import type { Catalog, ResourceKindName } from "../catalog/types";
import { domainPriceKey, storagePriceKey } from "../catalog/types";
import type { OrderSpec } from "../orders/order-schema";
import { formatMoney } from "../pricing/money";

export interface ResourceKindInfo {
  kind: ResourceKindName;
  label: string;
  /** Path segment of the order form, under /orders/new/. */
  slug: string;
  description: string;
}

export const resourceKinds: readonly ResourceKindInfo[] = [
  {
    kind: "VIRTUAL_MACHINE",
    label: "Virtual machine",
    slug: "virtual-machine",
    description: "A Linux server with root access, in the region of your choice.",
  },
  {
    kind: "WEB_SERVICE",
    label: "Web service",
    slug: "web-service",
    description: "Run an app from a managed runtime or a container image, scaled to N instances.",
  },
  {
    kind: "MANAGED_DATABASE",
    label: "Managed database",
    slug: "managed-database",
    description: "PostgreSQL, MySQL or Redis with backups and updates handled for you.",
  },
  {
    kind: "DOMAIN",
    label: "Domain",
    slug: "domain",
    description: "Register a domain name for 1 to 10 years.",
  },
];

export function kindLabel(kind: ResourceKindName): string {
  return resourceKinds.find((info) => info.kind === kind)?.label ?? kind;
}

/**
 * Returns the lowest price of a kind in the catalog, like "from $6.00/month": the
 * cheapest plan, plus the minimum 10 GB of storage for a database, and the
 * cheapest top-level domain per year for a domain. Null when nothing of the
 * kind is on sale.
 */
export function startingPrice(catalog: Catalog, kind: ResourceKindName): string | null {
  if (kind === "DOMAIN") {
    const prefix = domainPriceKey("");
    const yearly = catalog.prices.filter((price) => price.key.startsWith(prefix));
    const cheapest = minBy(yearly, (price) => price.priceMinor);
    return cheapest ? `from ${formatMoney(cheapest.priceMinor, cheapest.currency)}/year` : null;
  }
  const plan = minBy(
    catalog.plans.filter((candidate) => candidate.kind === kind),
    (candidate) => candidate.monthlyPriceMinor,
  );
  if (!plan) return null;
  let monthly = plan.monthlyPriceMinor;
  if (kind === "MANAGED_DATABASE") {
    const storage = catalog.prices.find((price) => price.key === storagePriceKey);
    if (!storage) return null;
    monthly += 10 * storage.priceMinor;
  }
  return `from ${formatMoney(monthly, plan.currency)}/month`;
}

function minBy<T>(items: T[], valueOf: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (best === undefined || valueOf(item) < valueOf(best)) best = item;
  }
  return best;
}

/**
 * Summarizes an order's region, plan and options in one line, using catalog
 * names where the catalog is at hand and ids otherwise.
 */
export function describeSpec(spec: OrderSpec, catalog: Catalog | null): string {
  const name = (list: { id: string; name: string }[] | undefined, id: string) =>
    list?.find((item) => item.id === id)?.name ?? id;
  const plan = (id: string) => name(catalog?.plans, id);
  switch (spec.kind) {
    case "VIRTUAL_MACHINE":
      return [
        name(catalog?.regions, spec.regionId),
        plan(spec.planId),
        name(catalog?.images, spec.imageId),
      ].join(" · ");
    case "WEB_SERVICE": {
      const source =
        spec.source.type === "runtime"
          ? name(catalog?.runtimes, spec.source.runtimeId)
          : spec.source.image;
      const count = spec.instances === 1 ? "1 instance" : `${spec.instances} instances`;
      return [source, `${plan(spec.planId)} × ${count}`].join(" · ");
    }
    case "MANAGED_DATABASE":
      return [
        name(catalog?.databaseEngines, spec.engineId),
        plan(spec.planId),
        `${spec.storageGb} GB storage`,
      ].join(" · ");
    case "DOMAIN":
      return spec.years === 1 ? "Registered for 1 year" : `Registered for ${spec.years} years`;
  }
}
