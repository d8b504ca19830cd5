import type { BrowserContext, Route, WebSocketRoute } from "@playwright/test";

/**
 * A network outage between one browser context and the portal, switched on
 * and off by the test. The browser itself stays online, so `navigator.onLine`
 * does not change and no `online` or `offline` event fires. To the page this
 * looks like a dropped connection or an unreachable server, not like a
 * laptop losing its Wi-Fi.
 */
export interface PortalOutage {
  /**
   * Closes the page's open WebSockets to the portal and from then on leaves
   * every request unanswered, as on a path that drops packets.
   */
  begin(): Promise<void>;
  /** Lets new requests and WebSockets through again. */
  end(): void;
  /**
   * Number of the page's open WebSockets to the portal that socket.io has
   * switched to from HTTP long-polling.
   */
  upgradedWebSockets(): number;
  /** Paths of the requests sent during the outage, like "/api/resources". */
  unansweredPaths(): string[];
}

/**
 * Routes `context`'s requests and socket.io WebSockets through a switch that
 * can cut them. Call it before the page opens its socket, because the test
 * can only close a WebSocket that was routed from the start.
 */
export async function routeThroughOutageSwitch(context: BrowserContext): Promise<PortalOutage> {
  let down = false;
  const unanswered: Route[] = [];
  // Open proxied WebSockets, by their page end.
  const sockets = new Map<WebSocketRoute, ProxiedSocket>();

  await context.route("**/*", async (route) => {
    if (!down) {
      await route.fallback();
      return;
    }
    // NOTE: on a real network a request sent during an outage may still
    // complete after it, once TCP retransmits it. Here it stays pending for
    // good, so fresh data can only come from a request sent after the outage.
    unanswered.push(route);
  });

  await context.routeWebSocket(
    (url) => url.pathname.startsWith("/socket.io/"),
    async (page) => {
      if (down) {
        await page.close({ code: droppedCode });
        return;
      }
      const socket: ProxiedSocket = { server: page.connectToServer(), upgraded: false };
      sockets.set(page, socket);
      page.onMessage((message) => {
        // After Engine.IO's upgrade packet the client sends and receives only
        // on this WebSocket, so closing it disconnects the client. Before
        // that, a close only fails the upgrade and polling goes on.
        if (message === upgradePacket) socket.upgraded = true;
        socket.server.send(message);
      });
      // A close handler replaces Playwright's forwarding of the close to the
      // other end, so each handler forwards it itself, unless begin() has
      // already closed both ends.
      page.onClose((code, reason) => {
        if (sockets.delete(page)) void socket.server.close({ code, reason });
      });
      socket.server.onClose((code, reason) => {
        if (sockets.delete(page)) void page.close({ code, reason });
      });
    },
  );

  return {
    async begin() {
      down = true;
      const open = [...sockets];
      sockets.clear();
      for (const [page, { server }] of open) {
        await page.close({ code: droppedCode });
        // Playwright opens the server end as a native WebSocket in the page,
        // whose close() rejects any code but 1000 and 3000-4999, so it gets none.
        await server.close();
      }
    },
    end() {
      down = false;
    },
    upgradedWebSockets: () => [...sockets.values()].filter((socket) => socket.upgraded).length,
    unansweredPaths: () => unanswered.map((route) => new URL(route.request().url()).pathname),
  };
}

interface ProxiedSocket {
  server: WebSocketRoute;
  /** The client has sent the upgrade packet on this WebSocket. */
  upgraded: boolean;
}

/** Engine.IO protocol 4 packet type 5, which ends the switch from polling. */
const upgradePacket = "5";

/**
 * Close code 1006, which a browser reports when a connection ends without a
 * close frame (RFC 6455, section 7.1.5).
 */
const droppedCode = 1006;
