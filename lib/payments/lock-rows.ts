import type { Transaction } from "../db/client";

/**
 * Row locks of the payment operations. Every operation that locks an invoice
 * and its payments takes the invoice's lock first, so two operations on one
 * invoice queue up behind each other and cannot deadlock.
 * The locks last until the transaction ends.
 */

/** Locks the invoice row `invoiceId` (FOR UPDATE) and returns whether it exists. */
export async function lockInvoice(tx: Transaction, invoiceId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    select id from "Invoice" where id = ${invoiceId}::uuid for update`;
  return rows.length > 0;
}

/** Locks the payment row `paymentId` (FOR UPDATE) and returns whether it exists. */
export async function lockPayment(tx: Transaction, paymentId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    select id from "Payment" where id = ${paymentId}::uuid for update`;
  return rows.length > 0;
}
