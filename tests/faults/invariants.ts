// Checks, directly in PostgreSQL, that a batch of orders came through a
// fault with the portal's guarantees intact.
import type pg from "pg";

export interface InvariantCounts {
  orders: number;
  final: number;
  /** Submitted orders with no row in the database. */
  lost: number;
  /** Orders with no invoice, apart from orders cancelled before invoicing. */
  missingInvoices: number;
  doubleInvoices: number;
  /** Invoices with more than one SUCCEEDED payment. */
  doubleCharges: number;
  /** Paid orders with more than one resource. */
  doubleResources: number;
  /** Paid orders with no resource. */
  missingResources: number;
  /** Resources of orders without a SUCCEEDED payment. */
  unpaidResources: number;
  /** Orders not COMPLETED, FAILED or CANCELLED, plus resources in PENDING or PROVISIONING. */
  stuck: number;
  /** Outbox rows of the whole database not yet published. */
  unpublishedEvents: number;
}

const finalStatuses = ["COMPLETED", "FAILED", "CANCELLED"];

async function count(db: pg.Client, sql: string, orderIds: string[]): Promise<number> {
  const result = await db.query<{ n: string }>(sql, [orderIds]);
  return Number(result.rows[0]?.n ?? 0);
}

/** Counts the orders of `orderIds` that are final and the problems the checks found. */
export async function checkInvariants(db: pg.Client, orderIds: string[]): Promise<InvariantCounts> {
  const found = await count(
    db,
    `select count(*) as n from "Order" where id = any($1::uuid[])`,
    orderIds,
  );

  const final = await count(
    db,
    `select count(*) as n from "Order" where id = any($1::uuid[])
       and status in (${finalStatuses.map((s) => `'${s}'`).join(", ")})`,
    orderIds,
  );
  const invoiceCounts = `select o.id, o.status, count(i.id) as invoices
      from "Order" o left join "Invoice" i on i."orderId" = o.id
      where o.id = any($1::uuid[]) group by o.id, o.status`;
  const missingInvoices = await count(
    db,
    `select count(*) as n from (${invoiceCounts}) c where c.invoices = 0 and c.status <> 'CANCELLED'`,
    orderIds,
  );
  const doubleInvoices = await count(
    db,
    `select count(*) as n from (${invoiceCounts}) c where c.invoices > 1`,
    orderIds,
  );

  const doubleCharges = await count(
    db,
    `select count(*) as n from (
       select i.id from "Invoice" i join "Payment" p on p."invoiceId" = i.id
       where i."orderId" = any($1::uuid[]) and p.status = 'SUCCEEDED'
       group by i.id having count(*) > 1) d`,
    orderIds,
  );
  const paidOrders = `select distinct i."orderId" as id from "Invoice" i
      join "Payment" p on p."invoiceId" = i.id
      where i."orderId" = any($1::uuid[]) and p.status = 'SUCCEEDED'`;
  const doubleResources = await count(
    db,
    `select count(*) as n from (
       select r."orderId" from "Resource" r where r."orderId" in (${paidOrders})
       group by r."orderId" having count(*) > 1) d`,
    orderIds,
  );
  const missingResources = await count(
    db,
    `select count(*) as n from (${paidOrders}) p
       where not exists (select 1 from "Resource" r where r."orderId" = p.id)`,
    orderIds,
  );
  const unpaidResources = await count(
    db,
    `select count(*) as n from "Resource" r
       where r."orderId" = any($1::uuid[]) and r."orderId" not in (${paidOrders})`,
    orderIds,
  );
  const stuckResources = await count(
    db,
    `select count(*) as n from "Resource" r
       where r."orderId" = any($1::uuid[]) and r.status in ('PENDING', 'PROVISIONING')`,
    orderIds,
  );

  const unpublished = await db.query<{ n: string }>(
    `select count(*) as n from "OutboxEvent" where "publishedAt" is null`,
  );
  return {
    orders: orderIds.length,
    final,
    lost: orderIds.length - found,
    missingInvoices,
    doubleInvoices,
    doubleCharges,
    doubleResources,
    missingResources,
    unpaidResources,
    stuck: found - final + stuckResources,
    unpublishedEvents: Number(unpublished.rows[0]?.n ?? 0),
  };
}

/** Returns whether every count that must be zero is zero. */
export function invariantsHold(counts: InvariantCounts): boolean {
  const { orders: _orders, final: _final, ...problems } = counts;
  return Object.values(problems).every((value) => value === 0);
}

/** Formats one report line, like "broker restart: 200 orders, 200 final, 0 lost, …". */
export function formatCounts(fault: string, counts: InvariantCounts): string {
  return (
    `${fault}: ${counts.orders} orders, ${counts.final} final, ${counts.lost} lost, ` +
    `${counts.missingInvoices} missing invoices, ${counts.doubleInvoices} double invoices, ` +
    `${counts.doubleCharges} double charges, ${counts.doubleResources} double resources, ` +
    `${counts.missingResources} missing resources, ${counts.unpaidResources} unpaid resources, ` +
    `${counts.stuck} stuck, ${counts.unpublishedEvents} unpublished events`
  );
}

/** Returns whether every order is final, no resource is mid-provisioning and the outbox is drained. */
export function isSettled(counts: InvariantCounts): boolean {
  return (
    counts.stuck === 0 &&
    counts.unpublishedEvents === 0 &&
    counts.final + counts.lost === counts.orders
  );
}
