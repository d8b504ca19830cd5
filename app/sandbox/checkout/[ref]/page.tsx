import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/or-not-found";
import { requireUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { getSandboxCheckout } from "@/lib/payments/sandbox/get-checkout";
import { SandboxCheckout } from "./sandbox-checkout";

export const metadata: Metadata = { title: "Sandbox checkout" };

export default async function SandboxCheckoutPage({
  params,
}: {
  params: Promise<{ ref: string }>;
}) {
  const { ref } = await params;
  const user = await requireUser(`/sandbox/checkout/${encodeURIComponent(ref)}`);
  const checkout = await orNotFound(
    getSandboxCheckout(prisma(), { userId: user.id, providerRef: ref }),
  );
  return <SandboxCheckout initialCheckout={checkout} />;
}
