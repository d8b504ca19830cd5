import type { PrismaClient } from "../db/client";
import type { InvoiceSummaryView, InvoiceView } from "../api/views";
import { toInvoiceSummaryView, toInvoiceView } from "../api/serialize";
import { notFound } from "../domain/errors";
import { isUuid } from "../domain/ids";

/** Returns one of the user's invoices with line items, payments and refunds. */
export async function findInvoice(
  db: PrismaClient,
  userId: string,
  invoiceId: string,
): Promise<InvoiceView> {
  if (!isUuid(invoiceId)) throw notFound("Invoice");
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, userId },
    include: { lineItems: true, payments: true, refunds: true, order: true },
  });
  if (!invoice) throw notFound("Invoice");
  return toInvoiceView(invoice);
}

/** Returns the user's invoices, newest first. */
export async function listInvoices(
  db: PrismaClient,
  userId: string,
): Promise<InvoiceSummaryView[]> {
  const invoices = await db.invoice.findMany({
    where: { userId },
    orderBy: { issuedAt: "desc" },
    take: 200,
  });
  return invoices.map(toInvoiceSummaryView);
}
