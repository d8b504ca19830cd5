import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { listInvoices } from "@/lib/invoices/find-invoices";

export const GET = apiRoute(async ({ user }) =>
  NextResponse.json({ invoices: await listInvoices(prisma(), user.id) }),
);
