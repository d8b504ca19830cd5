import type { PrismaClient } from "../db/client";
import { loadCatalog } from "../catalog/load-catalog";
import { enqueueEvent } from "../outbox/enqueue-event";
import { DomainError } from "../domain/errors";
import { quoteOrder } from "../pricing/quote-order";
import type { Catalog } from "../catalog/types";
import { checkOrderName } from "./check-order-name";
import { orderName, type OrderSpec } from "./order-schema";

export interface SubmitOrderInput {
  userId: string;
  idempotencyKey: string;
  spec: OrderSpec;
}

/**
 * Stores an order and its `order.submitted` event in one transaction. The
 * spec must already have passed the order schema; the catalog check here
 * rejects unknown plans, regions and images with field errors, and a name
 * already in use is a conflict. A repeated idempotency key returns the first
 * order instead of creating another, unless it came with a different order.
 */
export async function submitOrder(
  db: PrismaClient,
  input: SubmitOrderInput,
): Promise<{ orderId: string; created: boolean }> {
  const existing = await db.order.findUnique({
    where: {
      userId_idempotencyKey: { userId: input.userId, idempotencyKey: input.idempotencyKey },
    },
    select: { id: true, spec: true },
  });
  if (existing) {
    assertSameSpec(existing.spec, input.spec);
    return { orderId: existing.id, created: false };
  }

  const quote = quoteWithRequestPaths(input.spec, await loadCatalog(db));
  try {
    const orderId = await db.$transaction(async (tx) => {
      await checkOrderName(tx, input.userId, input.spec, orderName(input.spec));
      const order = await tx.order.create({
        data: {
          userId: input.userId,
          kind: input.spec.kind,
          name: orderName(input.spec),
          spec: input.spec,
          quotedMonthlyMinor: quote.recurringMinor,
          currency: quote.currency,
          idempotencyKey: input.idempotencyKey,
        },
      });
      await enqueueEvent(tx, "swiftcloud.order.submitted", order.id, {
        userId: input.userId,
        orderId: order.id,
        kind: input.spec.kind,
      });
      return order.id;
    });
    return { orderId, created: true };
  } catch (error: unknown) {
    // The same key submitted twice at once: the unique index lets one through.
    if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
      const first = await db.order.findUniqueOrThrow({
        where: {
          userId_idempotencyKey: { userId: input.userId, idempotencyKey: input.idempotencyKey },
        },
        select: { id: true },
      });
      return { orderId: first.id, created: false };
    }
    throw error;
  }
}

/** Prices the order, naming bad fields by their path in the request body (`order.planId`). */
function quoteWithRequestPaths(spec: OrderSpec, catalog: Catalog) {
  try {
    return quoteOrder(spec, catalog);
  } catch (error: unknown) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(
      error.code,
      error.message,
      error.fields.map((field) => ({ ...field, field: `order.${field.field}` })),
    );
  }
}

/** Serialises JSON with sorted keys, because jsonb does not keep key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => a.localeCompare(b, "en"));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Rejects a replayed idempotency key that arrives with a different order. */
function assertSameSpec(stored: unknown, submitted: OrderSpec): void {
  if (canonicalJson(stored) === canonicalJson(submitted)) return;
  throw new DomainError("conflict", "This idempotencyKey was used for a different order", [
    { field: "idempotencyKey", message: "Generate a new key for a new order" },
  ]);
}
