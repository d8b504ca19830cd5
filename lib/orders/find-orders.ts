import type { PrismaClient } from "../db/client";
import type { OrderView } from "../api/views";
import { toOrderView } from "../api/serialize";
import { notFound } from "../domain/errors";
import { isUuid } from "../domain/ids";

/** Returns one of the user's orders; another user's order is not found. */
export async function findOrder(
  db: PrismaClient,
  userId: string,
  orderId: string,
): Promise<OrderView> {
  if (!isUuid(orderId)) throw notFound("Order");
  const order = await db.order.findFirst({
    where: { id: orderId, userId },
    include: { invoice: true, resource: true },
  });
  if (!order) throw notFound("Order");
  return toOrderView(order);
}

/** Returns the user's orders, newest first. */
export async function listOrders(db: PrismaClient, userId: string): Promise<OrderView[]> {
  const orders = await db.order.findMany({
    where: { userId },
    include: { invoice: true, resource: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return orders.map(toOrderView);
}
