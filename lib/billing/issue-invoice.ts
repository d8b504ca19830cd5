import type { Transaction } from "../db/client";
import { loadCatalog } from "../catalog/load-catalog";
import { DomainError } from "../domain/errors";
import { assertTransition } from "../domain/transitions";
import type { EventData } from "../events/catalog";
import { PermanentEventError } from "../messaging/consumer";
import { orderSchema } from "../orders/order-schema";
import { enqueueEvent } from "../outbox/enqueue-event";
import { quoteOrder, type Quote } from "../pricing/quote-order";
import { formatInvoiceNumber } from "./invoice-number";
import { invoiceDeadlines, invoiceTotals } from "./invoice-totals";

export interface IssueInvoiceOptions {
  /** Hours the invoice stays payable. */
  expiryHours: number;
  now?: Date;
}

export type IssueInvoiceResult =
  | {
      outcome: "issued";
      invoiceId: string;
      number: string;
      totalMinor: number;
      currency: string;
    }
  | { outcome: "order_cancelled"; reason: string }
  | { outcome: "skipped"; reason: string };

/**
 * Prices a submitted order into an invoice with its line items and tax, moves
 * the order to INVOICED and enqueues `invoice.issued`, all in the caller's
 * transaction. An order the catalog can no longer price is cancelled with
 * `order.cancelled` instead. An order that is already invoiced, or no longer
 * SUBMITTED, is skipped. Throws PermanentEventError when the order does not
 * exist or belongs to another user than the event names.
 */
export async function issueInvoice(
  tx: Transaction,
  event: EventData<"swiftcloud.order.submitted">,
  options: IssueInvoiceOptions,
): Promise<IssueInvoiceResult> {
  const { orderId, userId } = event;
  // The row lock makes a second event for the same order wait here and
  // then find the order INVOICED, so it can never get two invoices.
  await tx.$queryRaw`select id from "Order" where id = ${orderId}::uuid for update`;
  const order = await tx.order.findUnique({
    where: { id: orderId },
    include: { user: { select: { country: true } }, invoice: { select: { id: true } } },
  });
  if (!order) throw new PermanentEventError(`order ${orderId} not found`);
  if (order.userId !== userId) {
    throw new PermanentEventError(`order ${orderId} does not belong to user ${userId}`);
  }
  if (order.invoice) return { outcome: "skipped", reason: "order already has an invoice" };
  if (order.status !== "SUBMITTED") {
    return { outcome: "skipped", reason: `order is ${order.status}, not SUBMITTED` };
  }

  const priced = await priceOrder(tx, order.spec);
  if (!priced.ok) {
    assertTransition("order", order.status, "CANCELLED");
    await tx.order.updateMany({
      where: { id: orderId, status: "SUBMITTED" },
      data: { status: "CANCELLED", cancelReason: priced.reason },
    });
    await enqueueEvent(tx, "swiftcloud.order.cancelled", orderId, {
      userId,
      orderId,
      reason: priced.reason,
    });
    return { outcome: "order_cancelled", reason: priced.reason };
  }

  const { quote } = priced;
  const rate = await tx.taxRate.findUnique({
    where: { country: order.user.country.toUpperCase() },
  });
  const totals = invoiceTotals(quote.subtotalMinor, rate);
  const issuedAt = options.now ?? new Date();
  const { dueAt, expiresAt } = invoiceDeadlines(issuedAt, options.expiryHours);

  assertTransition("order", order.status, "INVOICED");
  const invoice = await tx.invoice.create({
    data: {
      orderId,
      userId,
      currency: quote.currency,
      ...totals,
      issuedAt,
      dueAt,
      expiresAt,
      lineItems: {
        create: quote.lineItems.map((item, index) => ({ position: index + 1, ...item })),
      },
    },
  });
  const moved = await tx.order.updateMany({
    where: { id: orderId, status: "SUBMITTED" },
    data: { status: "INVOICED" },
  });
  if (moved.count !== 1) throw new Error(`order ${orderId} changed status while it was locked`);

  const number = formatInvoiceNumber(invoice.sequence);
  await enqueueEvent(tx, "swiftcloud.invoice.issued", invoice.id, {
    userId,
    orderId,
    invoiceId: invoice.id,
    number,
    totalMinor: invoice.totalMinor,
    currency: invoice.currency,
    dueAt: dueAt.toISOString(),
  });
  return {
    outcome: "issued",
    invoiceId: invoice.id,
    number,
    totalMinor: invoice.totalMinor,
    currency: invoice.currency,
  };
}

type PriceResult = { ok: true; quote: Quote } | { ok: false; reason: string };

/** Quotes the stored order form against today's catalog; a missing entry is a reason, not a crash. */
async function priceOrder(tx: Transaction, spec: unknown): Promise<PriceResult> {
  const parsed = orderSchema.safeParse(spec);
  if (!parsed.success) {
    return {
      ok: false,
      reason: "The order form is no longer valid, so the order cannot be priced",
    };
  }
  try {
    return { ok: true, quote: quoteOrder(parsed.data, await loadCatalog(tx)) };
  } catch (error: unknown) {
    if (!(error instanceof DomainError) || error.code !== "validation") throw error;
    const details = error.fields.map((field) => field.message).join("; ");
    return {
      ok: false,
      reason: `The catalog no longer offers part of this order: ${details || error.message}`,
    };
  }
}
