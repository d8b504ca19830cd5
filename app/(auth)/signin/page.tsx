import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { sameOriginPath } from "@/lib/client/safe-path";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const requested = typeof params.callbackUrl === "string" ? params.callbackUrl : null;
  const callbackUrl = sameOriginPath(requested, "/dashboard");
  if (await currentUser()) redirect(callbackUrl);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold text-slate-900">Sign in</h1>
        <p className="text-slate-700">
          New to SwiftCloud?{" "}
          <Link
            href={`/signup${requested ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
            className="font-semibold text-sky-800 underline"
          >
            Create an account
          </Link>
        </p>
      </div>
      <SignInForm callbackUrl={callbackUrl} failedBefore={params.error !== undefined} />
    </div>
  );
}
