/** The catalog as the order forms and the pricing see it; plain data, safe for the browser. */
export type ResourceKindName = "VIRTUAL_MACHINE" | "WEB_SERVICE" | "MANAGED_DATABASE" | "DOMAIN";

export interface CatalogPlan {
  id: string;
  kind: ResourceKindName;
  name: string;
  vcpus: number;
  memoryMb: number;
  diskGb: number;
  monthlyPriceMinor: number;
  currency: string;
}

export interface CatalogRegion {
  id: string;
  name: string;
  city: string;
  country: string;
}

export interface CatalogOption {
  id: string;
  name: string;
}

export interface CatalogDatabaseEngine extends CatalogOption {
  engine: string;
  version: string;
}

export interface CatalogPriceEntry {
  key: string;
  description: string;
  unit: string;
  priceMinor: number;
  currency: string;
}

export interface Catalog {
  plans: CatalogPlan[];
  regions: CatalogRegion[];
  images: (CatalogOption & { family: string })[];
  runtimes: CatalogOption[];
  databaseEngines: CatalogDatabaseEngine[];
  prices: CatalogPriceEntry[];
}

/** Catalog price key of database storage, per GB and month. */
export const storagePriceKey = "database.storage_gb_month";

/** Catalog price key of one year's registration under a top-level domain. */
export function domainPriceKey(tld: string): string {
  return `domain.registration_year.${tld}`;
}

/** Top-level domains the catalog sells, from its price keys. */
export function sellableTlds(catalog: Pick<Catalog, "prices">): string[] {
  const prefix = domainPriceKey("");
  return catalog.prices
    .filter((p) => p.key.startsWith(prefix))
    .map((p) => p.key.slice(prefix.length));
}
