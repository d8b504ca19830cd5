"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";

interface ErrorPageProps {
  error: unknown;
  /** Fetches and renders the failed segment again (Next.js 16 error boundary prop). */
  retry: () => void;
}

/**
 * Renders the page shown when rendering failed. A server error reaches the browser
 * without its message (Next.js strips it in production), only with a digest
 * that matches the server's log line, so the digest is shown as a reference.
 */
export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-16">
      <h1 className="text-3xl font-bold text-slate-900">Something went wrong</h1>
      <p className="text-slate-700">
        This page could not be loaded. Try again, or go back to your dashboard. If you had just
        placed an order or started a payment, the dashboard shows whether it went through.
      </p>
      {digest ? <p className="text-sm text-slate-600">Error reference: {digest}</p> : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <Link href="/dashboard" className={buttonClass("secondary")}>
          Go to dashboard
        </Link>
      </div>
    </main>
  );
}
