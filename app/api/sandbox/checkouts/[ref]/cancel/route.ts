import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { wakeOutboxRelay } from "@/lib/outbox/outbox-relay";
import { cancelSandboxCheckout } from "@/lib/payments/sandbox/cancel-checkout";

export const POST = apiRoute<{ ref: string }>(async ({ user, params, log }) => {
  const result = await cancelSandboxCheckout(prisma(), {
    userId: user.id,
    providerRef: params.ref,
  });
  wakeOutboxRelay();
  log.info({ invoiceId: result.invoiceId }, "web.sandbox_checkout_cancelled");
  return NextResponse.json({ redirectUrl: result.redirectUrl });
});
