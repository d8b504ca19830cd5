import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { findInvoice } from "@/lib/invoices/find-invoices";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) =>
  NextResponse.json({ invoice: await findInvoice(prisma(), user.id, params.id) }),
);
