import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { LiveStatusNotice } from "@/components/layout/live-status-notice";
import { currentUser } from "@/lib/auth/session";

/**
 * Wraps the signed-in part of the portal in its header. Every page under it
 * calls requireUser with its own path, and the layout does not redirect. A
 * layout renders alongside its page without learning the path, and when both
 * redirected, the layout's target won. A deep link then came back to the
 * dashboard after sign-in instead of to the requested page.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) return children;
  return (
    <>
      <AppHeader userName={user.name} />
      <LiveStatusNotice />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </>
  );
}
