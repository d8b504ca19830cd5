import Link from "next/link";
import { buttonClass } from "../ui/button-class";

/** Renders the body of every 404 page, also shown for another customer's order, invoice or resource. */
export function NotFoundMessage({ what = "page" }: { what?: string }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-8">
      <p className="text-sm font-semibold text-sky-800">404</p>
      <h1 className="text-3xl font-bold text-slate-900">
        {what === "page" ? "Page not found" : `${what} not found`}
      </h1>
      <p className="text-slate-700">
        This {what.toLowerCase()} does not exist, or it belongs to another account. Check the
        address, or go back to your dashboard.
      </p>
      <Link href="/dashboard" className={buttonClass("primary")}>
        Go to dashboard
      </Link>
    </div>
  );
}
