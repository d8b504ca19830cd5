// Writes the catalog. Safe to run again: every row is an upsert by id.
import { createPrismaClient } from "../lib/db/client";
import type { ResourceKind } from "../lib/db/generated/enums";
import {
  databaseEngines,
  osImages,
  plans,
  prices,
  regions,
  runtimes,
  taxRates,
} from "./catalog-data";

export async function seedCatalog(databaseUrl: string): Promise<void> {
  const db = createPrismaClient(databaseUrl);
  try {
    await db.$transaction(async (tx) => {
      for (const row of regions)
        await tx.region.upsert({ where: { id: row.id }, create: row, update: row });
      for (const row of osImages)
        await tx.osImage.upsert({ where: { id: row.id }, create: row, update: row });
      for (const row of runtimes)
        await tx.runtime.upsert({ where: { id: row.id }, create: row, update: row });
      for (const row of databaseEngines) {
        await tx.databaseEngine.upsert({ where: { id: row.id }, create: row, update: row });
      }
      for (const plan of plans) {
        const row = { ...plan, kind: plan.kind as ResourceKind };
        await tx.plan.upsert({ where: { id: row.id }, create: row, update: row });
      }
      for (const row of prices)
        await tx.catalogPrice.upsert({ where: { key: row.key }, create: row, update: row });
      for (const row of taxRates)
        await tx.taxRate.upsert({ where: { country: row.country }, create: row, update: row });
    });
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1]?.endsWith("seed.ts")) {
  const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/swiftcloud";
  seedCatalog(url)
    .then(() => process.stdout.write("catalog seeded\n"))
    .catch((error: unknown) => {
      process.stderr.write(
        `seeding failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    });
}
