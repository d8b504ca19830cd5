import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { getSandboxCheckout } from "@/lib/payments/sandbox/get-checkout";

export const GET = apiRoute<{ ref: string }>(async ({ user, params }) =>
  NextResponse.json({
    checkout: await getSandboxCheckout(prisma(), { userId: user.id, providerRef: params.ref }),
  }),
);
