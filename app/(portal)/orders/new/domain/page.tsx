import type { Metadata } from "next";
import { OrderFormPage } from "@/components/orders/order-form-page";
import { requireUser } from "@/lib/auth/session";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { prisma } from "@/lib/db/client";
import { DomainForm } from "./domain-form";

export const metadata: Metadata = { title: "Register a domain" };

export default async function NewDomainPage() {
  await requireUser("/orders/new/domain");
  const catalog = await loadCatalog(prisma());
  return (
    <OrderFormPage title="Register a domain">
      <DomainForm catalog={catalog} />
    </OrderFormPage>
  );
}
