import type { ReactNode } from "react";
import { Brand } from "@/components/layout/brand";

/** Lays out the sign-in and sign-up pages: the name on top, one narrow form below. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-3 sm:px-6">
          <Brand />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-10 sm:py-16">
        {children}
      </main>
    </>
  );
}
