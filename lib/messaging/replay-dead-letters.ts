import type { ChannelModel, ConfirmChannel, GetMessage } from "amqplib";
import {
  DeadLetterRequestError,
  holdDeadLetters,
  summarizeDeadLetter,
  type DeadLetterSummary,
} from "./dead-letter-queue";
import { replayHeaders } from "./retry-policy";
import type { Topology } from "./topology";

/** Selection of dead letters to replay: by CloudEvents id, or all of them. */
export type ReplaySelection = { ids: readonly string[] } | { all: true };

/**
 * Moves chosen dead letters of `consumer` back to its queue as first
 * attempts: each copy is published to the queue and confirmed before its
 * dead letter is acked, so a failure leaves at worst a duplicate, which the
 * consumer's inbox skips. Throws DeadLetterRequestError, replaying nothing,
 * when a requested id is not in the dead-letter queue.
 */
export async function replayDeadLetters(
  connection: ChannelModel,
  topology: Topology,
  consumer: string,
  selection: ReplaySelection,
): Promise<DeadLetterSummary[]> {
  const held = await holdDeadLetters(connection, topology, consumer);
  try {
    const chosen = chooseMessages(held.messages, selection, consumer, topology);
    const replayed: DeadLetterSummary[] = [];
    for (const message of chosen) {
      await sendToQueue(held.channel, topology.queue(consumer), message);
      held.ack(message);
      replayed.push(summarizeDeadLetter(consumer, message));
    }
    return replayed;
  } finally {
    await held.release();
  }
}

function chooseMessages(
  messages: GetMessage[],
  selection: ReplaySelection,
  consumer: string,
  topology: Topology,
): GetMessage[] {
  if ("all" in selection) return messages;
  const requested = new Set(selection.ids);
  const chosen = messages.filter((message) => requested.has(ceIdOf(message)));
  const found = new Set(chosen.map(ceIdOf));
  const missing = [...requested].filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new DeadLetterRequestError(
      `no dead letter with ce-id ${missing.join(", ")} in ${topology.deadLetterQueue(consumer)}; ` +
        "nothing was replayed. Run `list` to see the ids.",
    );
  }
  return chosen;
}

function ceIdOf(message: GetMessage): string {
  return String(message.properties.headers?.["ce-id"] ?? "");
}

/** Publishes a copy of `message` to `queue` and waits for the broker's confirm. */
async function sendToQueue(
  channel: ConfirmChannel,
  queue: string,
  message: GetMessage,
): Promise<void> {
  const { expiration: _expiration, ...properties } = message.properties;
  const headers = {
    ...replayHeaders(message.properties.headers),
    "x-swiftcloud-replayed-at": new Date().toISOString(),
  };
  await new Promise<void>((resolve, reject) => {
    channel.sendToQueue(
      queue,
      message.content,
      { ...properties, persistent: true, headers },
      (error: unknown) =>
        error ? reject(new Error(`broker nacked the replay to ${queue}`)) : resolve(),
    );
  });
}
