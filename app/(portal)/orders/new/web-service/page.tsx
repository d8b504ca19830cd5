import type { Metadata } from "next";
import { OrderFormPage } from "@/components/orders/order-form-page";
import { requireUser } from "@/lib/auth/session";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { prisma } from "@/lib/db/client";
import { WebServiceForm } from "./web-service-form";

export const metadata: Metadata = { title: "New web service" };

export default async function NewWebServicePage() {
  await requireUser("/orders/new/web-service");
  const catalog = await loadCatalog(prisma());
  return (
    <OrderFormPage title="New web service">
      <WebServiceForm catalog={catalog} />
    </OrderFormPage>
  );
}
