import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type { PrismaClient };
export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

let client: PrismaClient | undefined;

/**
 * Returns the process's Prisma client, created on first use: `next build`
 * imports route modules without a DATABASE_URL, so nothing may connect at load.
 */
export function prisma(): PrismaClient {
  if (!client) {
    const connectionString =
      process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/swiftcloud";
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  }
  return client;
}

/** Creates a separate client, for tests and tools that use their own database. */
export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/** Closes the process's client if one was created. */
export async function disconnectPrisma(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
