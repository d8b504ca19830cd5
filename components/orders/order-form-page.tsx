import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "../ui/page-header";

/** Heading and way back of an order form page. */
export function OrderFormPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/orders/new" className="text-sky-800 underline">
          Back to all resource kinds
        </Link>
      </p>
      <PageHeader title={title} />
      {children}
    </>
  );
}
