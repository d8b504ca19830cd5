import type { Transaction } from "../db/client";
import { DomainError } from "../domain/errors";
import type { OrderSpec } from "./order-schema";

/** Order statuses whose name is still taken; a cancelled or failed order frees it. */
const holdingStatuses = ["SUBMITTED", "INVOICED", "PAID", "PROVISIONING", "COMPLETED"] as const;

const kindNames: Record<OrderSpec["kind"], string> = {
  VIRTUAL_MACHINE: "virtual machine",
  WEB_SERVICE: "web service",
  MANAGED_DATABASE: "managed database",
  DOMAIN: "domain",
};

/**
 * Rejects an order whose name is taken: a domain by any customer's live
 * order, any other resource by one of this customer's live orders of the same
 * kind. A transaction-scoped advisory lock on the name makes two concurrent
 * submissions of one name wait for each other, so only the first succeeds.
 */
export async function checkOrderName(
  tx: Transaction,
  userId: string,
  spec: OrderSpec,
  name: string,
): Promise<void> {
  const scope = spec.kind === "DOMAIN" ? `domain:${name}` : `name:${userId}:${spec.kind}:${name}`;
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${scope}))`;

  const holder = await tx.order.findFirst({
    where: {
      kind: spec.kind,
      name,
      status: { in: [...holdingStatuses] },
      ...(spec.kind === "DOMAIN" ? {} : { userId }),
    },
    select: { id: true },
  });
  if (!holder) return;
  if (spec.kind === "DOMAIN") {
    throw new DomainError("conflict", `${name} is registered or on order already`, [
      { field: "order.domain", message: `${name} is not available; choose another domain` },
    ]);
  }
  throw new DomainError("conflict", `You have a ${kindNames[spec.kind]} named ${name} already`, [
    {
      field: "order.name",
      message: `You have a ${kindNames[spec.kind]} named ${name} already; choose another name`,
    },
  ]);
}
