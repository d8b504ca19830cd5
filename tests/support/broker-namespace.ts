import { randomBytes } from "node:crypto";
import amqp from "amqplib";
import { defaultRetryDelaysMs, topologyFor } from "../../lib/messaging/topology";

export const testAmqpUrl = process.env.TEST_AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672";

/** Returns a broker prefix no other test run uses, like `swiftcloud-test-3f9a1c2e`. */
export function uniqueBrokerPrefix(): string {
  return `swiftcloud-test-${randomBytes(4).toString("hex")}`;
}

/**
 * Deletes the exchanges and the named consumers' queues of a test prefix,
 * with the retry queue of each delay in `retryDelaysMs`.
 */
export async function deleteBrokerNamespace(
  prefix: string,
  consumers: string[],
  retryDelaysMs: readonly number[] = defaultRetryDelaysMs,
): Promise<void> {
  const connection = await amqp.connect(testAmqpUrl);
  try {
    const channel = await connection.createChannel();
    const topology = topologyFor(prefix);
    for (const consumer of consumers) {
      await channel.deleteQueue(topology.queue(consumer));
      await channel.deleteQueue(topology.deadLetterQueue(consumer));
      for (const delayMs of retryDelaysMs) {
        await channel.deleteQueue(topology.retryQueue(consumer, delayMs));
      }
    }
    await channel.deleteExchange(topology.eventsExchange);
    await channel.deleteExchange(topology.deadLetterExchange);
    await channel.close();
  } finally {
    await connection.close();
  }
}
