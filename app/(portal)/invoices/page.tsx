import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { listInvoices } from "@/lib/invoices/find-invoices";
import { listOrders } from "@/lib/orders/find-orders";
import { InvoiceList } from "./invoice-list";

export const metadata: Metadata = { title: "Invoices" };

export default async function InvoicesPage() {
  const user = await requireUser("/invoices");
  // The orders give each invoice the name and kind of what it bills.
  const [invoices, orders] = await Promise.all([
    listInvoices(prisma(), user.id),
    listOrders(prisma(), user.id),
  ]);
  return <InvoiceList initialInvoices={invoices} initialOrders={orders} />;
}
