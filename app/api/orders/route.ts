import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { findOrder, listOrders } from "@/lib/orders/find-orders";
import { createOrderRequest } from "@/lib/orders/order-schema";
import { submitOrder } from "@/lib/orders/submit-order";
import { wakeOutboxRelay } from "@/lib/outbox/outbox-relay";

export const GET = apiRoute(async ({ user }) =>
  NextResponse.json({ orders: await listOrders(prisma(), user.id) }),
);

export const POST = apiRoute(async ({ request, user, log }) => {
  const body = await parseJson(request, createOrderRequest);
  const { orderId, created } = await submitOrder(prisma(), {
    userId: user.id,
    idempotencyKey: body.idempotencyKey,
    spec: body.order,
  });
  if (created) {
    wakeOutboxRelay();
    log.info({ orderId, kind: body.order.kind }, "web.order_submitted");
  }
  const order = await findOrder(prisma(), user.id, orderId);
  return NextResponse.json({ order }, { status: created ? 201 : 200 });
});
