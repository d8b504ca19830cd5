// The web process: Next.js pages and route handlers, socket.io on the same
// port, the outbox relay for events the web writes, and the event relay that
// pushes domain events to browsers.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { Server } from "socket.io";
import { ConfigError } from "./lib/config/env";
import { webEnv, type WebEnv } from "./lib/config/web-env";
import { prisma, disconnectPrisma } from "./lib/db/client";
import { clientAddressHeader } from "./lib/http/client-address";
import { createLogger } from "./lib/logger";
import { Broker } from "./lib/messaging/broker";
import { OutboxRelay } from "./lib/outbox/outbox-relay";
import {
  authenticateSockets,
  relayEventsToSockets,
  type PortalSocketServer,
} from "./lib/realtime/event-relay";
import { userIdOfHandshake } from "./lib/realtime/socket-auth";

process.env.SWIFTCLOUD_SERVICE = "web";

function loadEnv(): WebEnv {
  try {
    return webEnv();
  } catch (error: unknown) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`web: ${error.message}\n`);
    // 78 is EX_CONFIG from sysexits.h: a supervisor should not restart in a loop.
    process.exit(78);
  }
}

const env = loadEnv();

/** Largest request body the server reads at all; JSON routes allow less. */
const maxRequestBodyBytes = 1024 * 1024;
const logger = createLogger("web", env.LOG_LEVEL);
const dev = env.NODE_ENV === "development";
const app = next({ dev, hostname: env.HOST, port: env.PORT });
const handle = app.getRequestHandler();
const broker = new Broker({ url: env.AMQP_URL, prefix: env.BROKER_PREFIX, logger, name: "web" });
const relay = new OutboxRelay({ db: prisma(), broker, logger });

/** Responds to /healthz with whether each dependency is reachable: 200 when all are, else 503. */
async function health(response: ServerResponse): Promise<void> {
  const database = await prisma().$queryRaw`select 1`.then(() => true).catch(() => false);
  const ok = database && broker.connected;
  response.writeHead(ok ? 200 : 503, {
    "content-type": "application/json",
    "cache-control": "no-store",
  });
  response.end(
    JSON.stringify({ status: ok ? "ok" : "degraded", database, broker: broker.connected }),
  );
}

async function main(): Promise<void> {
  await app.prepare();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.url === "/healthz") {
      void health(response);
      return;
    }
    // No route takes a large body; refusing one early keeps a client from
    // making the process buffer it. Route handlers check again while reading.
    if (Number(request.headers["content-length"] ?? 0) > maxRequestBodyBytes) {
      response.writeHead(413, { "content-type": "application/json", connection: "close" });
      response.end(
        JSON.stringify({
          error: { code: "payload_too_large", message: "The request body is too large" },
        }),
      );
      request.destroy();
      return;
    }
    // Rate limits key on this header, so a client must not be able to set it.
    // TODO: behind a reverse proxy, take the address from its X-Forwarded-For
    // instead, for the proxy's own hops only.
    request.headers[clientAddressHeader] = request.socket.remoteAddress ?? "unknown";
    void handle(request, response);
  });
  const io: PortalSocketServer = new Server(server, { serveClient: false });
  authenticateSockets(io, (request) => userIdOfHandshake(request, env.NEXTAUTH_SECRET), logger);
  relayEventsToSockets(broker, io, logger);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  logger.info(
    { url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}` },
    "web.listening",
  );
  await broker.start();
  relay.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "web.stopping");
    const deadline = setTimeout(() => process.exit(1), 15_000);
    deadline.unref();
    // socket.io's close also closes the HTTP server; idle keep-alive
    // connections would otherwise hold it open until they time out.
    const closed = io.close();
    server.closeIdleConnections();
    await closed;
    await relay
      .stop()
      .catch((error: unknown) => logger.warn({ err: error }, "web.outbox_drain_failed"));
    await broker.close();
    await disconnectPrisma();
    logger.info("web.stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "web.start_failed");
  process.exit(1);
});
