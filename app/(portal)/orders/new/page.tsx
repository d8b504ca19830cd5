import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { resourceKinds, startingPrice } from "@/lib/client/resource-kinds";
import { prisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "New order" };

export default async function NewOrderPage() {
  await requireUser("/orders/new");
  const catalog = await loadCatalog(prisma());
  return (
    <>
      <PageHeader
        title="New order"
        description="Choose what to create. You see the full price before you place the order."
      />
      <ul className="grid gap-4 sm:grid-cols-2">
        {resourceKinds.map((info) => {
          const price = startingPrice(catalog, info.kind);
          return (
            <li key={info.kind}>
              <Link
                href={`/orders/new/${info.slug}`}
                className="flex h-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-5 shadow-xs hover:border-sky-600 hover:shadow-sm"
              >
                <span className="text-lg font-semibold text-slate-900">{info.label}</span>
                <span className="text-sm text-slate-600">{info.description}</span>
                <span className="mt-auto pt-2 text-sm font-semibold text-sky-900">
                  {price ?? "Not on sale at the moment"}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
