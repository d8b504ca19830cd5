import type { ChannelModel } from "amqplib";
import { holdDeadLetters, summarizeDeadLetter, type DeadLetterSummary } from "./dead-letter-queue";
import type { Topology } from "./topology";

/**
 * Lists `consumer`'s dead letters and returns them all to the queue. While
 * the list runs, the messages are held unacked, so a second reader of the
 * queue gets none of them, and the returns may change their order.
 */
export async function listDeadLetters(
  connection: ChannelModel,
  topology: Topology,
  consumer: string,
): Promise<DeadLetterSummary[]> {
  const held = await holdDeadLetters(connection, topology, consumer);
  try {
    return held.messages.map((message) => summarizeDeadLetter(consumer, message));
  } finally {
    await held.release();
  }
}
