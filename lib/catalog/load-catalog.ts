import type { PrismaClient, Transaction } from "../db/client";
import type { Catalog, ResourceKindName } from "./types";

/** Reads the active catalog, in display order. */
export async function loadCatalog(db: PrismaClient | Transaction): Promise<Catalog> {
  const order = [{ sortOrder: "asc" as const }, { id: "asc" as const }];
  const [plans, regions, images, runtimes, engines, prices] = await Promise.all([
    db.plan.findMany({ where: { active: true }, orderBy: order }),
    db.region.findMany({ where: { active: true }, orderBy: order }),
    db.osImage.findMany({ where: { active: true }, orderBy: order }),
    db.runtime.findMany({ where: { active: true }, orderBy: order }),
    db.databaseEngine.findMany({ where: { active: true }, orderBy: order }),
    db.catalogPrice.findMany({ orderBy: { key: "asc" } }),
  ]);
  return {
    plans: plans.map((p) => ({
      id: p.id,
      kind: p.kind as ResourceKindName,
      name: p.name,
      vcpus: p.vcpus,
      memoryMb: p.memoryMb,
      diskGb: p.diskGb,
      monthlyPriceMinor: p.monthlyPriceMinor,
      currency: p.currency,
    })),
    regions: regions.map(({ id, name, city, country }) => ({ id, name, city, country })),
    images: images.map(({ id, name, family }) => ({ id, name, family })),
    runtimes: runtimes.map(({ id, name }) => ({ id, name })),
    databaseEngines: engines.map(({ id, name, engine, version }) => ({
      id,
      name,
      engine,
      version,
    })),
    prices: prices.map(({ key, description, unit, priceMinor, currency }) => ({
      key,
      description,
      unit,
      priceMinor,
      currency,
    })),
  };
}
