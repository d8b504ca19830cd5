import Link from "next/link";
import { PublicHeader } from "@/components/layout/public-header";
import { buttonClass } from "@/components/ui/button-class";
import { currentUser } from "@/lib/auth/session";
import { resourceKinds } from "@/lib/client/resource-kinds";

const steps = [
  { title: "Order", text: "Pick a resource and a size. The price is shown before you submit." },
  { title: "Pay", text: "Your invoice arrives within seconds. Pay it by card." },
  {
    title: "Watch it start",
    text: "Follow every provisioning step live, then copy the connection details.",
  },
];

export default async function LandingPage() {
  const user = await currentUser();
  return (
    <>
      <PublicHeader signedIn={user !== null} />
      <main id="main" className="mx-auto max-w-6xl space-y-16 px-4 py-12 sm:px-6 sm:py-16">
        <section className="max-w-3xl space-y-6">
          <h1 className="text-4xl font-bold tracking-tight text-balance text-slate-900 sm:text-5xl">
            Cloud resources, ordered in minutes and watched live.
          </h1>
          <p className="text-lg text-slate-700">
            SwiftCloud runs virtual machines, web services and managed databases, and registers your
            domains. You see the price before you order, the invoice right after, and every step of
            the setup as it happens.
          </p>
          {user ? (
            <p className="text-sm text-slate-600">
              Signed in as {user.name}. Your resources and invoices are on your dashboard.
            </p>
          ) : (
            <Link href="/signup" className={buttonClass("primary", "px-6")}>
              Get started
            </Link>
          )}
        </section>

        <section aria-labelledby="offer-heading" className="space-y-6">
          <h2 id="offer-heading" className="text-2xl font-semibold text-slate-900">
            What you can run
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {resourceKinds.map((info) => (
              <li key={info.kind} className="rounded-lg border border-slate-200 bg-white p-5">
                <h3 className="font-semibold text-slate-900">{info.label}</h3>
                <p className="mt-2 text-sm text-slate-600">{info.description}</p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="how-heading" className="space-y-6">
          <h2 id="how-heading" className="text-2xl font-semibold text-slate-900">
            How it works
          </h2>
          <ol className="grid gap-4 sm:grid-cols-3">
            {steps.map((step, index) => (
              <li key={step.title} className="rounded-lg border border-slate-200 bg-white p-5">
                <p className="text-sm font-semibold text-sky-800">Step {index + 1}</p>
                <h3 className="mt-1 font-semibold text-slate-900">{step.title}</h3>
                <p className="mt-2 text-sm text-slate-600">{step.text}</p>
              </li>
            ))}
          </ol>
        </section>
      </main>
    </>
  );
}
