import type { ReactNode } from "react";

/**
 * Wraps the sandbox payment provider's hosted pages. They take the place of a
 * real provider's site, so they carry none of the portal's navigation and look
 * different on purpose, with the sandbox warning on every page.
 */
export default function SandboxLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-stone-100">
      <div className="bg-[repeating-linear-gradient(135deg,var(--color-amber-300)_0_14px,var(--color-amber-200)_14px_28px)] px-4 py-3 text-center">
        <p className="inline-block rounded bg-amber-50/90 px-3 py-1 text-sm font-bold text-amber-950 ring-1 ring-amber-500">
          Sandbox — no real money moves
        </p>
      </div>
      <header className="border-b border-stone-300 bg-white">
        <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-3">
          <span className="text-lg font-bold tracking-tight text-stone-900">SandboxPay</span>
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold tracking-wide text-amber-950 uppercase ring-1 ring-amber-400">
            Sandbox
          </span>
          <span className="ml-auto text-sm text-stone-600">Test checkout for SwiftCloud</span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
