import type { Channel } from "amqplib";
import type { EventType } from "../events/catalog";

/** Names of the exchanges and queues of one broker namespace. */
export interface Topology {
  eventsExchange: string;
  deadLetterExchange: string;
  queue(consumer: string): string;
  deadLetterQueue(consumer: string): string;
  /** Queue in which a consumer's failed messages wait `delayMs` before they return to its queue. */
  retryQueue(consumer: string, delayMs: number): string;
}

export function topologyFor(prefix: string): Topology {
  return {
    eventsExchange: `${prefix}.events`,
    deadLetterExchange: `${prefix}.dead-letter`,
    queue: (consumer) => `${prefix}.${consumer}`,
    deadLetterQueue: (consumer) => `${prefix}.${consumer}.dead-letter`,
    // The delay is part of the name because RabbitMQ rejects a redeclaration
    // with a different x-message-ttl, so a changed tier gets a new queue.
    retryQueue: (consumer, delayMs) => `${prefix}.${consumer}.retry.${delayMs}ms`,
  };
}

/**
 * Delay tiers, in milliseconds, before a failed message's next attempt:
 * attempt 1 fails and waits 1 s, attempt 2 waits 5 s, later attempts 30 s.
 */
export const defaultRetryDelaysMs: readonly number[] = [1_000, 5_000, 30_000];

/** Attempts a consumer makes before it dead-letters a message. */
export const defaultMaxAttempts = 5;

/**
 * Backstop for messages requeued without the retry queues (a failed
 * publish to a retry queue, a channel closed mid-delivery): times the broker
 * redelivers a message whose handler failed before it
 * dead-letters it. Quorum queues in RabbitMQ 3.10 have no default limit, so
 * without one a poisonous message would be redelivered forever.
 */
export const deliveryLimit = 5;

/** Declares both exchanges. Idempotent, and run again after every reconnect. */
export async function declareExchanges(channel: Channel, topology: Topology): Promise<void> {
  await channel.assertExchange(topology.eventsExchange, "topic", { durable: true });
  await channel.assertExchange(topology.deadLetterExchange, "direct", { durable: true });
}

/**
 * Declares a consumer's durable quorum queue, bound to the event types it
 * handles, its dead-letter queue and one retry queue per delay. Idempotent.
 */
export async function declareConsumerQueue(
  channel: Channel,
  topology: Topology,
  consumer: string,
  types: readonly EventType[],
  retryDelaysMs: readonly number[] = defaultRetryDelaysMs,
): Promise<string> {
  const queue = topology.queue(consumer);
  const deadLetterQueue = topology.deadLetterQueue(consumer);
  await channel.assertQueue(deadLetterQueue, {
    durable: true,
    arguments: { "x-queue-type": "quorum" },
  });
  await channel.bindQueue(deadLetterQueue, topology.deadLetterExchange, queue);
  await channel.assertQueue(queue, {
    durable: true,
    arguments: {
      "x-queue-type": "quorum",
      "x-delivery-limit": deliveryLimit,
      "x-dead-letter-exchange": topology.deadLetterExchange,
      "x-dead-letter-routing-key": queue,
    },
  });
  for (const type of types) await channel.bindQueue(queue, topology.eventsExchange, type);
  for (const delayMs of retryDelaysMs) {
    await declareRetryQueue(channel, topology.retryQueue(consumer, delayMs), delayMs, queue);
  }
  return queue;
}

/**
 * Declares a retry queue whose messages expire after `delayMs` and are then
 * dead-lettered through the default exchange straight to `target`. One TTL
 * per queue, not per message, because RabbitMQ expires only the message at
 * the head of a queue: a 30 s message would hold back a 1 s one behind it.
 * Quorum queues take message TTL from RabbitMQ 3.10. The at-least-once
 * dead-letter strategy (3.10, needs `x-overflow: reject-publish`) keeps an
 * expired message until the target queue has confirmed it.
 */
async function declareRetryQueue(
  channel: Channel,
  name: string,
  delayMs: number,
  target: string,
): Promise<void> {
  await channel.assertQueue(name, {
    durable: true,
    arguments: {
      "x-queue-type": "quorum",
      "x-message-ttl": delayMs,
      "x-overflow": "reject-publish",
      "x-dead-letter-strategy": "at-least-once",
      "x-dead-letter-exchange": "",
      "x-dead-letter-routing-key": target,
    },
  });
}
