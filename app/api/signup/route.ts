import { NextResponse } from "next/server";
import { signUpSchema } from "@/lib/auth/account-schema";
import { signUp } from "@/lib/auth/sign-up";
import { webEnv } from "@/lib/config/web-env";
import { prisma } from "@/lib/db/client";
import { parseJson, publicApiRoute } from "@/lib/http/api-route";
import { clientAddress } from "@/lib/http/client-address";
import { createRateLimiter } from "@/lib/http/rate-limit";

const limitSignUps = createRateLimiter(() => webEnv().SIGNUP_RATE_LIMIT_PER_HOUR, 60 * 60 * 1000);

export const POST = publicApiRoute(async ({ request, log }) => {
  limitSignUps(clientAddress(request));
  const input = await parseJson(request, signUpSchema);
  const user = await signUp(prisma(), input);
  log.info({ userId: user.id }, "auth.signed_up");
  return NextResponse.json({ user }, { status: 201 });
});
