import type { Channel } from "amqplib";
import type { EventType } from "../events/catalog";

/** Names of the exchanges and queues of one broker namespace. */
export interface Topology {
  eventsExchange: string;
  deadLetterExchange: string;
  queue(consumer: string): string;
  deadLetterQueue(consumer: string): string;
}

export function topologyFor(prefix: string): Topology {
  return {
    eventsExchange: `${prefix}.events`,
    deadLetterExchange: `${prefix}.dead-letter`,
    queue: (consumer) => `${prefix}.${consumer}`,
    deadLetterQueue: (consumer) => `${prefix}.${consumer}.dead-letter`,
  };
}

/**
 * Times the broker redelivers a message whose handler failed before it
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
 * handles, and its dead-letter queue. Idempotent.
 */
export async function declareConsumerQueue(
  channel: Channel,
  topology: Topology,
  consumer: string,
  types: readonly EventType[],
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
  return queue;
}
