import type { Channel, ConsumeMessage } from "amqplib";
import type { Logger } from "pino";
import { decodeEvent, MalformedEventError } from "../events/amqp-binding";
import type { AnyCloudEvent, EventType } from "../events/catalog";
import { wakeOutboxRelay } from "../outbox/outbox-relay";
import type { Broker } from "./broker";
import {
  attemptHeader,
  attemptOf,
  checkRetryDelays,
  lastErrorHeader,
  retryDelayFor,
} from "./retry-policy";
import {
  declareConsumerQueue,
  defaultMaxAttempts,
  defaultRetryDelaysMs,
  deliveryLimit,
} from "./topology";

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
  handle: (event: AnyCloudEvent, log: Logger, delivery: DeliveryInfo) => Promise<void>;
  logger: Logger;
  /** Attempts before a failing message is dead-lettered; 5 when unset. */
  maxAttempts?: number;
  /**
   * Delay tiers in milliseconds before each retry, growing; the last tier
   * repeats. Each tier is a queue, so changing one declares a new queue.
   */
  retryDelaysMs?: readonly number[];
}

/** Details of the delivery that a handler gets besides the event. */
export interface DeliveryInfo {
  /** 1 on the first delivery, counted up by each retry. */
  attempt: number;
}

/**
 * Consumes a durable queue and acks each message only after its handler has
 * committed. A malformed message, or one whose handler raised
 * PermanentEventError, goes to the dead-letter queue with the reason. Any
 * other failure sends the message to the retry queue of the attempt's delay
 * tier, which returns it to this queue when the delay expires. After
 * `maxAttempts` failures it goes to the dead-letter queue with the last error.
 * Returns a function that drains in-flight messages.
 */
export function registerConsumer(broker: Broker, options: ConsumerOptions): () => Promise<void> {
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error(`invalid maxAttempts ${maxAttempts} for ${options.name}: expected >= 1`);
  }
  checkRetryDelays(retryDelaysMs);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let consumerTag: string | undefined;

  broker.onConnect(async (channel, topology) => {
    const queue = await declareConsumerQueue(
      channel,
      topology,
      options.name,
      options.types,
      retryDelaysMs,
    );
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
    const attempt = attemptOf(headers);
    const rawId = headers["ce-id"];
    const log = options.logger.child({
      consumer: options.name,
      eventId: typeof rawId === "string" ? rawId : undefined,
      eventType: message.fields.routingKey,
      attempt,
      // Counts redeliveries without a retry queue: requeues after a failed
      // retry publish or a closed channel.
      deliveryCount: Number(headers["x-delivery-count"] ?? 0),
    });

    let event: AnyCloudEvent;
    try {
      event = decodeEvent(headers, message.content);
    } catch (error: unknown) {
      const reason = error instanceof MalformedEventError ? error.message : String(error);
      log.error({ reason }, "consumer.malformed_message");
      await deadLetterAndAck(channel, message, reason, attempt, log);
      return;
    }

    try {
      await options.handle(event, log.child({ subject: event.subject }), { attempt });
      safely(() => channel.ack(message));
      // The handler's transaction may have written events; publish them now.
      wakeOutboxRelay();
    } catch (error: unknown) {
      if (error instanceof PermanentEventError) {
        log.error({ err: error }, "consumer.permanent_failure");
        await deadLetterAndAck(channel, message, error.message, attempt, log);
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= maxAttempts) {
        log.error({ err: error, maxAttempts }, "consumer.attempts_exhausted");
        await deadLetterAndAck(channel, message, reason, attempt, log);
        return;
      }
      await retryAndAck(channel, message, attempt, reason, log, error);
    }
  }

  /**
   * Sends the message to the retry queue of `failedAttempt`'s delay tier and
   * acks it once the broker confirms. The inbox makes a copy that is both
   * retried and redelivered harmless.
   */
  async function retryAndAck(
    channel: Channel,
    message: ConsumeMessage,
    failedAttempt: number,
    reason: string,
    log: Logger,
    error: unknown,
  ) {
    const delayMs = retryDelayFor(failedAttempt, retryDelaysMs);
    log.warn({ err: error, delayMs, maxAttempts }, "consumer.retry_scheduled");
    try {
      await broker.sendCopy(broker.topology.retryQueue(options.name, delayMs), message, {
        [attemptHeader]: failedAttempt + 1,
        [lastErrorHeader]: reason.slice(0, 1000),
      });
      safely(() => channel.ack(message));
    } catch (publishError: unknown) {
      // Without the confirm the retry copy may not exist, so the original
      // goes back to the queue; the delivery limit bounds these requeues.
      log.error({ err: publishError, deliveryLimit }, "consumer.retry_publish_failed");
      safely(() => channel.nack(message, false, true));
    }
  }

  async function deadLetterAndAck(
    channel: Channel,
    message: ConsumeMessage,
    reason: string,
    attempts: number,
    log: Logger,
  ) {
    try {
      await broker.deadLetter(options.name, message, reason, attempts);
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
