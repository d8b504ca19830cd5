import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { listInvoices } from "@/lib/invoices/find-invoices";
import { InvoiceList } from "./invoice-list";

export const metadata: Metadata = { title: "Invoices" };

export default async function InvoicesPage() {
  const user = await requireUser("/invoices");
  const invoices = await listInvoices(prisma(), user.id);
  return <InvoiceList initialInvoices={invoices} />;
}
