import type { Metadata } from "next";
import { OrderFormPage } from "@/components/orders/order-form-page";
import { requireUser } from "@/lib/auth/session";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { prisma } from "@/lib/db/client";
import { ManagedDatabaseForm } from "./managed-database-form";

export const metadata: Metadata = { title: "New managed database" };

export default async function NewManagedDatabasePage() {
  await requireUser("/orders/new/managed-database");
  const catalog = await loadCatalog(prisma());
  return (
    <OrderFormPage title="New managed database">
      <ManagedDatabaseForm catalog={catalog} />
    </OrderFormPage>
  );
}
