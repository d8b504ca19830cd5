import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { findOrder } from "@/lib/orders/find-orders";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) =>
  NextResponse.json({ order: await findOrder(prisma(), user.id, params.id) }),
);
