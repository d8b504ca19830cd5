import type { Metadata } from "next";
import { OrderFormPage } from "@/components/orders/order-form-page";
import { requireUser } from "@/lib/auth/session";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { prisma } from "@/lib/db/client";
import { VirtualMachineForm } from "./virtual-machine-form";

export const metadata: Metadata = { title: "New virtual machine" };

export default async function NewVirtualMachinePage() {
  await requireUser("/orders/new/virtual-machine");
  const catalog = await loadCatalog(prisma());
  return (
    <OrderFormPage title="New virtual machine">
      <VirtualMachineForm catalog={catalog} />
    </OrderFormPage>
  );
}
