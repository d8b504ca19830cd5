"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSession } from "next-auth/react";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../realtime/socket-events";
import { createCacheUpdaters } from "./cache-updates";

type PortalSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * State of the tab's live connection: `idle` when signed out, `connecting`
 * before the first connect, `offline` after a disconnect or refused connect.
 */
export type LiveStatus = "idle" | "connecting" | "connected" | "offline";

const LiveStatusContext = createContext<LiveStatus>("idle");

/** Delay before trying again after the server refused the handshake. */
const refusedRetryMs = 15_000;

/**
 * Connects one socket.io socket per tab while the customer is signed in and
 * feeds every pushed event into the React Query cache. The server puts the
 * socket in the customer's room from the session cookie, so the client sends
 * nothing after connecting.
 */
export function SocketProvider({ children }: { children: ReactNode }) {
  const { data: session } = useSession();
  const userId = session?.user?.id ?? null;
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("idle");

  useEffect(() => {
    if (!userId) {
      setStatus("idle");
      return;
    }
    setStatus("connecting");
    const socket: PortalSocket = io({ withCredentials: true });
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const updaters = createCacheUpdaters(queryClient);
    for (const name of Object.keys(updaters) as (keyof ServerToClientEvents)[]) {
      // Each handler's payload type follows from its name, which a loop
      // cannot express; createCacheUpdaters checks every pair with satisfies.
      socket.on(name, updaters[name] as never);
    }

    socket.on("connect", () => {
      setStatus("connected");
      // Events pushed while this tab was not connected are gone: the first
      // connect follows a server render that may be seconds old, and a
      // reconnect follows a gap. Refetching every active query closes both.
      void queryClient.invalidateQueries();
    });
    socket.on("disconnect", () => setStatus("offline"));
    socket.on("connect_error", () => {
      setStatus("offline");
      // socket.io retries transport failures itself (socket.active stays
      // true) but gives up when the server's middleware refused the
      // handshake, as it does for an expired session cookie.
      if (!socket.active) {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => socket.connect(), refusedRetryMs);
      }
    });

    return () => {
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [userId, queryClient]);

  return <LiveStatusContext value={status}>{children}</LiveStatusContext>;
}

/** State of this tab's live connection. */
export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}

/** How often a live page polls while the socket is down. */
const pollWithoutSocketMs = 10_000;

/**
 * Returns the refetchInterval for a query that events keep fresh: none while
 * the socket is connected, a slow poll while it is not. A page then still
 * moves on when a proxy blocks sockets or the server is restarting.
 */
export function useLiveRefetchInterval(): number | false {
  return useLiveStatus() === "connected" ? false : pollWithoutSocketMs;
}
