import type { PrismaClient, Transaction } from "../db/client";

/**
 * Runs `effect` in one transaction with the record that `consumer` has
 * processed `eventId`, so an event delivered twice has one effect. Returns
 * false, without running `effect`, when the id was seen before. A concurrent
 * duplicate blocks on the primary key until the first commits, then skips.
 */
export async function applyOnce(
  db: PrismaClient,
  consumer: string,
  eventId: string,
  effect: (tx: Transaction) => Promise<void>,
): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const inserted = await tx.processedEvent.createMany({
        data: [{ consumer, eventId }],
        skipDuplicates: true,
      });
      if (inserted.count === 0) return false;
      await effect(tx);
      return true;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
