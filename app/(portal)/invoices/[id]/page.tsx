import type { Metadata } from "next";
import { findAccount } from "@/lib/auth/find-account";
import { orNotFound } from "@/app/_lib/or-not-found";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { findInvoice } from "@/lib/invoices/find-invoices";
import { InvoiceDetail } from "./invoice-detail";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/invoices/${encodeURIComponent(id)}`);
  const [invoice, account] = await Promise.all([
    orNotFound(findInvoice(prisma(), user.id, id)),
    findAccount(user.id),
  ]);
  return <InvoiceDetail initialInvoice={invoice} billedTo={account} />;
}
