import type { PrismaClient, Transaction } from "../db/client";
import type { OrderSpec } from "../orders/order-schema";
import type { CatalogFacts } from "./driver";

/**
 * Loads the catalog rows a driver needs besides the spec's ids. Inactive rows
 * count too: the customer ordered from the catalog of that day. Throws when a
 * referenced row no longer exists, which provisioning cannot work around.
 */
export async function loadCatalogFacts(
  db: PrismaClient | Transaction,
  spec: OrderSpec,
): Promise<CatalogFacts> {
  if (spec.kind !== "MANAGED_DATABASE") return {};
  const row = await db.databaseEngine.findUnique({ where: { id: spec.engineId } });
  if (!row)
    throw new MissingCatalogEntryError(`database engine "${spec.engineId}" is not in the catalog`);
  return { databaseEngine: { engine: row.engine, version: row.version, name: row.name } };
}

/** Raised when an order refers to a catalog row that is gone. */
export class MissingCatalogEntryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingCatalogEntryError";
  }
}
