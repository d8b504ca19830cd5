"use client";

import { useState } from "react";
import type { ConnectionDetails } from "@/lib/api/views";
import { CopyButton } from "../ui/copy-button";

const valueClass = "min-w-0 font-mono text-sm wrap-anywhere text-slate-900";
const smallButtonClass =
  "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-semibold text-slate-800 hover:bg-slate-50";

/**
 * Lists a resource's connection details as labels and values. Every value can
 * be copied. Secrets are masked on screen (so also in screenshots and screen
 * shares) until "Show" is pressed, and their Copy button copies the real value.
 */
export function ConnectionDetailsList({ connection }: { connection: ConnectionDetails }) {
  if (connection.fields.length === 0) {
    return <p className="text-sm text-slate-600">This resource has no connection details.</p>;
  }
  return (
    <dl className="divide-y divide-slate-200 rounded-md border border-slate-200">
      {connection.fields.map((field) => (
        <div key={field.label} className="space-y-1 px-3 py-2">
          <dt className="text-sm font-medium text-slate-600">{field.label}</dt>
          <dd className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
            {field.secret ? (
              <SecretValue label={field.label} value={field.value} />
            ) : (
              <code className={valueClass}>{field.value}</code>
            )}
            <CopyButton value={field.value} label={field.label} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SecretValue({ label, value }: { label: string; value: string }) {
  const [shown, setShown] = useState(false);
  return (
    <>
      {shown ? (
        <code className={valueClass}>{value}</code>
      ) : (
        <code className={valueClass}>
          <span aria-hidden="true">••••••••••••</span>
          <span className="sr-only">hidden</span>
        </code>
      )}
      <button
        type="button"
        onClick={() => setShown((current) => !current)}
        className={smallButtonClass}
      >
        {shown ? "Hide" : "Show"}
        <span className="sr-only"> {label}</span>
      </button>
    </>
  );
}
