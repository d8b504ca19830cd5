"use client";

import { useEffect, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

const copyMessages: Record<CopyState, string> = {
  idle: "",
  copied: "Copied",
  failed: "Copy failed; select the text and copy it",
};

/**
 * Copies `value` to the clipboard. Its accessible name names the value ("Copy
 * IPv4 address"), and the outcome is announced through a polite live region.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // The Clipboard API needs a secure context and the page's focus.
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={`Copy ${label}`}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-semibold text-slate-800 hover:bg-slate-50"
      >
        Copy
      </button>
      <span aria-live="polite" className="text-xs text-slate-600">
        {copyMessages[state]}
      </span>
    </span>
  );
}
