"use client";

import { useLiveStatus } from "@/lib/client/socket-provider";

/** Tells the customer when live updates are down, and that pages poll meanwhile. */
export function LiveStatusNotice() {
  const status = useLiveStatus();
  return (
    // The live region stays in the page while empty, so screen readers
    // announce the message when it is inserted.
    <div role="status">
      {status === "offline" ? (
        <p className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950">
          Live updates are disconnected; reconnecting. Meanwhile, pages refresh every 10 seconds.
        </p>
      ) : null}
    </div>
  );
}
