import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { billingCountries } from "@/prisma/catalog-data";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await currentUser()) redirect("/dashboard");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold text-slate-900">Create your account</h1>
        <p className="text-slate-700">
          Already have one?{" "}
          <Link href="/signin" className="font-semibold text-sky-800 underline">
            Sign in
          </Link>
        </p>
      </div>
      <SignUpForm countries={billingCountries} />
    </div>
  );
}
