import type { Channel, ConsumeMessage } from "amqplib";
import type { Logger } from "pino";
import { decodeEvent, MalformedEventError } from "../events/amqp-binding";
import type { AnyCloudEvent, EventType } from "../events/catalog";
import { wakeOutboxRelay } from "../outbox/outbox-relay";
import type { Broker } from "./broker";
import { declareConsumerQueue, deliveryLimit } from "./topology";

/** Raised by a handler for an event that can never succeed; it is dead-lettered at once. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentEventError";
  }
}

export interface ConsumerOptions {
  /** Consumer name; also names its queue and the inbox rows. */
  name: string;
  types: readonly EventType[];
  /** Unacked messages the broker may hand this consumer at once. */
  prefetch: number;
  handle: (event: AnyCloudEvent, log: Logger) => Promise<void>;
  logger: Logger;
}

/**
 * Consumes a durable queue and acks each message only after its handler has
 * committed. A malformed message, or one whose handler raised
 * PermanentEventError, goes to the dead-letter queue with the reason. Any other
 * failure is requeued; the quorum queue's delivery limit dead-letters it after
 * repeated failures. Returns a function that drains in-flight messages.
 */
export function registerConsumer(broker: Broker, options: ConsumerOptions): () => Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let consumerTag: string | undefined;

  broker.onConnect(async (channel, topology) => {
    const queue = await declareConsumerQueue(channel, topology, options.name, options.types);
    await channel.prefetch(options.prefetch);
    const reply = await channel.consume(queue, (message) => {
      if (!message || stopping) return;
      const work = handleMessage(channel, message).finally(() => inFlight.delete(work));
      inFlight.add(work);
    });
    consumerTag = reply.consumerTag;
    options.logger.info({ consumer: options.name, queue }, "consumer.started");
  });

  // A delivery tag is valid only on the channel that delivered it, so acks go
  // there; after a reconnect the broker has requeued that channel's messages.
  async function handleMessage(channel: Channel, message: ConsumeMessage): Promise<void> {
    const headers = message.properties.headers ?? {};
    const attempt = Number(headers["x-delivery-count"] ?? 0) + 1;
    const rawId = headers["ce-id"];
    const log = options.logger.child({
      consumer: options.name,
      eventId: typeof rawId === "string" ? rawId : undefined,
      eventType: message.fields.routingKey,
      attempt,
    });

    let event: AnyCloudEvent;
    try {
      event = decodeEvent(headers, message.content);
    } catch (error: unknown) {
      const reason = error instanceof MalformedEventError ? error.message : String(error);
      log.error({ reason }, "consumer.malformed_message");
      await deadLetterAndAck(channel, message, reason, log);
      return;
    }

    try {
      await options.handle(event, log.child({ subject: event.subject }));
      safely(() => channel.ack(message));
      // The handler's transaction may have written events; publish them now.
      wakeOutboxRelay();
    } catch (error: unknown) {
      if (error instanceof PermanentEventError) {
        log.error({ err: error }, "consumer.permanent_failure");
        await deadLetterAndAck(channel, message, error.message, log);
        return;
      }
      log.warn({ err: error, deliveryLimit }, "consumer.handler_failed_requeue");
      // A channel that closed meanwhile has already returned the message to the queue.
      safely(() => channel.nack(message, false, true));
    }
  }

  async function deadLetterAndAck(
    channel: Channel,
    message: ConsumeMessage,
    reason: string,
    log: Logger,
  ) {
    try {
      await broker.deadLetter(options.name, message, reason);
      safely(() => channel.ack(message));
    } catch (error: unknown) {
      // Without the confirm the message must stay in its queue, or it is lost.
      log.error({ err: error }, "consumer.dead_letter_failed");
      safely(() => channel.nack(message, false, true));
    }
  }

  /** Runs an ack or nack; on a closed channel the broker has requeued the message already. */
  function safely(settle: () => void): void {
    try {
      settle();
    } catch (error: unknown) {
      options.logger.debug(
        { err: error, consumer: options.name },
        "consumer.settle_on_closed_channel",
      );
    }
  }

  return async function stop() {
    stopping = true;
    const channel = broker.channel;
    if (channel && consumerTag) await channel.cancel(consumerTag).catch(() => undefined);
    await Promise.allSettled([...inFlight]);
  };
}
