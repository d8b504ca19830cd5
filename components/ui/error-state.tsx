import type { ReactNode } from "react";

interface ErrorStateProps {
  title: string;
  message?: ReactNode;
  /** A way out, like a "Try again" button. */
  action?: ReactNode;
}

/** Shows a failure in place of the content it stopped from loading. */
export function ErrorState({ title, message, action }: ErrorStateProps) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 px-5 py-4 text-red-900">
      <p className="font-semibold">{title}</p>
      {message ? <div className="mt-1 text-sm">{message}</div> : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
