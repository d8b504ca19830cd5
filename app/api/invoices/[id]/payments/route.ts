import { NextResponse } from "next/server";
import { toPaymentView } from "@/lib/api/serialize";
import { webEnv } from "@/lib/config/web-env";
import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { startPayment } from "@/lib/payments/start-payment";

/** Starts paying an invoice; the browser continues at `checkoutUrl`. */
export const POST = apiRoute<{ id: string }>(async ({ request, user, params, log }) => {
  const appUrl = webEnv().NEXTAUTH_URL ?? new URL(request.url).origin;
  const { payment, created } = await startPayment(prisma(), {
    userId: user.id,
    invoiceId: params.id,
    appUrl,
  });
  if (created) log.info({ invoiceId: params.id, paymentId: payment.id }, "web.payment_started");
  return NextResponse.json(
    { payment: toPaymentView(payment), checkoutUrl: payment.checkoutUrl },
    { status: created ? 201 : 200 },
  );
});
