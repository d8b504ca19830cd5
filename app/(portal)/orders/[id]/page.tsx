import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/or-not-found";
import { requireUser } from "@/lib/auth/session";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { prisma } from "@/lib/db/client";
import { findInvoice } from "@/lib/invoices/find-invoices";
import { findOrder } from "@/lib/orders/find-orders";
import { OrderDetail } from "./order-detail";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/orders/${encodeURIComponent(id)}`);
  const [order, catalog] = await Promise.all([
    orNotFound(findOrder(prisma(), user.id, id)),
    loadCatalog(prisma()),
  ]);
  const invoice = order.invoice ? await findInvoice(prisma(), user.id, order.invoice.id) : null;
  return <OrderDetail initialOrder={order} initialInvoice={invoice} catalog={catalog} />;
}
