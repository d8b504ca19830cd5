import type { Server } from "socket.io";
import type { Logger } from "pino";
import { decodeEvent, MalformedEventError } from "../events/amqp-binding";
import { eventTypes } from "../events/catalog";
import type { Broker } from "../messaging/broker";
import {
  socketEventOf,
  userRoom,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "./socket-events";

export type PortalSocketServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { userId: string }
>;

/**
 * Relays every domain event to the socket.io room of the user it belongs to.
 * Each web process consumes through its own exclusive, auto-deleted queue, so
 * every replica receives every event and pushes it to the browsers connected to it.
 * Nothing is lost for a browser that misses a push: it refetches on reconnect.
 */
export function relayEventsToSockets(broker: Broker, io: PortalSocketServer, logger: Logger): void {
  broker.onConnect(async (channel, topology) => {
    const { queue } = await channel.assertQueue("", {
      exclusive: true,
      autoDelete: true,
      durable: false,
    });
    for (const type of eventTypes) await channel.bindQueue(queue, topology.eventsExchange, type);
    await channel.prefetch(100);
    await channel.consume(queue, (message) => {
      if (!message) return;
      try {
        const event = decodeEvent(message.properties.headers, message.content);
        const name = socketEventOf[event.type];
        const payload = {
          ...event.data,
          eventId: event.id,
          time: event.time,
          subject: event.subject,
        };
        // The payload type follows from `name`; socket.io's emit cannot see that link.
        (io.to(userRoom(event.data.userId)).emit as (event: string, data: unknown) => boolean)(
          name,
          payload,
        );
        logger.debug(
          { eventId: event.id, eventType: event.type, userId: event.data.userId },
          "web.event_pushed",
        );
      } catch (error: unknown) {
        const reason = error instanceof MalformedEventError ? error.message : String(error);
        logger.warn({ reason, routingKey: message.fields.routingKey }, "web.event_not_pushed");
      }
      channel.ack(message);
    });
    logger.info({ queue }, "web.event_relay_started");
  });
}

/** Admits a socket only with a valid session and joins it to that user's room. */
export function authenticateSockets(
  io: PortalSocketServer,
  userIdOf: (request: import("node:http").IncomingMessage) => Promise<string | null>,
  logger: Logger,
): void {
  io.use((socket, next) => {
    userIdOf(socket.request)
      .then((userId) => {
        if (!userId) {
          next(new Error("unauthenticated"));
          return;
        }
        socket.data.userId = userId;
        next();
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, "web.socket_auth_failed");
        next(new Error("unauthenticated"));
      });
  });
  io.on("connection", (socket) => {
    // The server picks the room from the session; a client cannot ask to join any.
    void socket.join(userRoom(socket.data.userId));
    logger.debug({ userId: socket.data.userId, socketId: socket.id }, "web.socket_connected");
  });
}
