import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/or-not-found";
import { requireUser } from "@/lib/auth/session";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { prisma } from "@/lib/db/client";
import { findOrder } from "@/lib/orders/find-orders";
import { findResource } from "@/lib/resources/find-resources";
import { ResourceDetail } from "./resource-detail";

export const metadata: Metadata = { title: "Resource" };

export default async function ResourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/resources/${encodeURIComponent(id)}`);
  const resource = await orNotFound(findResource(prisma(), user.id, id));
  const [order, catalog] = await Promise.all([
    findOrder(prisma(), user.id, resource.orderId),
    loadCatalog(prisma()),
  ]);
  return <ResourceDetail initialResource={resource} order={order} catalog={catalog} />;
}
