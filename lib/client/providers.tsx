"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Session } from "next-auth";
import { SessionProvider } from "next-auth/react";
import { useState, type ReactNode } from "react";
import { ApiError, isRetryable } from "./api-error";
import { SocketProvider } from "./socket-provider";

/** Sends a browser whose session ended to sign-in, then back to this page. */
function redirectToSignIn() {
  const back = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/signin?callbackUrl=${encodeURIComponent(back)}`);
}

function redirectIfSignedOut(error: unknown) {
  if (error instanceof ApiError && error.status === 401) redirectToSignIn();
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectIfSignedOut }),
    mutationCache: new MutationCache({ onError: redirectIfSignedOut }),
    defaultOptions: {
      queries: {
        // Pages start from server-rendered data, and an event pushed between
        // that render and the page's mount invalidates a query that does not
        // exist yet. Stale-at-once data makes every mount refetch and close that gap.
        staleTime: 0,
        retry: (failureCount, error) => isRetryable(error) && failureCount < 3,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Wraps every page in the session, React Query and the live socket providers.
 * `session` is the server's view of it, so the first render already has the
 * signed-in user.
 */
export function Providers({ session, children }: { session: Session | null; children: ReactNode }) {
  // One client per tab; useState keeps it across re-renders of the root layout.
  const [queryClient] = useState(createQueryClient);
  return (
    <SessionProvider session={session}>
      <QueryClientProvider client={queryClient}>
        <SocketProvider>{children}</SocketProvider>
      </QueryClientProvider>
    </SessionProvider>
  );
}
