import type { Metadata } from "next";
import { findAccount } from "@/lib/auth/find-account";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const account = await findAccount(user.id);
  const rows = [
    { label: "Name", value: account.name },
    { label: "Email", value: account.email },
    { label: "Billing country", value: account.countryName },
  ];
  return (
    <>
      <PageHeader title="Account" />
      <div className="max-w-2xl space-y-6">
        <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((row) => (
            <div key={row.label} className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr]">
              <dt className="text-sm text-slate-600">{row.label}</dt>
              <dd className="font-medium break-all text-slate-900">{row.value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-slate-600">
          Your billing country sets the tax on your invoices.
        </p>
        <SignOutButton variant="primary" />
      </div>
    </>
  );
}
