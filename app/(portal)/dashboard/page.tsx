import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { prisma } from "@/lib/db/client";
import { listOrders } from "@/lib/orders/find-orders";
import { listResources } from "@/lib/resources/find-resources";
import { DashboardView } from "./dashboard-view";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const [resources, orders, catalog] = await Promise.all([
    listResources(prisma(), user.id),
    listOrders(prisma(), user.id),
    loadCatalog(prisma()),
  ]);
  return <DashboardView initialResources={resources} initialOrders={orders} catalog={catalog} />;
}
