import { NextResponse } from "next/server";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { apiRoute, parseJson } from "@/lib/http/api-route";
import { wakeOutboxRelay } from "@/lib/outbox/outbox-relay";
import { confirmSandboxCheckout } from "@/lib/payments/sandbox/confirm-checkout";

/** Any JSON object; the card fields are validated by confirmSandboxCheckout. */
const cardForm = z.record(z.string(), z.unknown());

export const POST = apiRoute<{ ref: string }>(async ({ request, user, params, log }) => {
  const form = await parseJson(request, cardForm);
  const result = await confirmSandboxCheckout(prisma(), {
    userId: user.id,
    providerRef: params.ref,
    cardNumber: form.cardNumber,
    expiry: form.expiry,
    cvc: form.cvc,
    cardholderName: form.cardholderName,
  });
  wakeOutboxRelay();
  log.info({ invoiceId: result.invoiceId }, "web.sandbox_checkout_confirmed");
  return NextResponse.json({ redirectUrl: result.redirectUrl });
});
