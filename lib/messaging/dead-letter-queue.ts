import type { ChannelModel, ConfirmChannel, GetMessage } from "amqplib";
import { attemptsHeader, deadLetteredAtHeader, deadLetterReasonHeader } from "./retry-policy";
import type { Topology } from "./topology";

/** Raised for a dead-letter request that names a missing queue or message. */
export class DeadLetterRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeadLetterRequestError";
  }
}

/** One dead-lettered message, as the dead-letter tool prints it. */
export interface DeadLetterSummary {
  consumer: string;
  id: string;
  type: string;
  reason: string;
  /** Attempts made; undefined for dead letters written before the header existed. */
  attempts: number | undefined;
  /** ISO 8601 time it was dead-lettered, or undefined when no header records it. */
  deadLetteredAt: string | undefined;
}

/** A dead-letter queue's messages, taken with basic.get and held unacked. */
export interface HeldDeadLetters {
  /** Confirm channel the messages were taken on, also for publishing copies. */
  channel: ConfirmChannel;
  messages: GetMessage[];
  /** Removes `message` from the queue. */
  ack(message: GetMessage): void;
  /** Returns every message not acked to the queue and closes the channel. */
  release(): Promise<void>;
}

/**
 * Takes every message of `consumer`'s dead-letter queue without removing it:
 * each basic.get leaves the message unacked, so the broker hands out the
 * next one and keeps the taken ones until they are acked or returned.
 * Throws DeadLetterRequestError when the queue does not exist.
 */
export async function holdDeadLetters(
  connection: ChannelModel,
  topology: Topology,
  consumer: string,
): Promise<HeldDeadLetters> {
  const queue = topology.deadLetterQueue(consumer);
  await checkQueueExists(connection, queue, consumer);

  const channel = await connection.createConfirmChannel();
  const messages: GetMessage[] = [];
  for (;;) {
    const message = await channel.get(queue, { noAck: false });
    if (message === false) break;
    messages.push(message);
  }
  const acked = new Set<GetMessage>();
  return {
    channel,
    messages,
    ack(message) {
      channel.ack(message);
      acked.add(message);
    },
    async release() {
      // nack, not reject: RabbitMQ 4.3 counts a basic.reject return toward a
      // quorum queue's delivery limit and a basic.nack return not.
      for (const message of messages) {
        if (!acked.has(message)) channel.nack(message, false, true);
      }
      await channel.close();
    },
  };
}

/**
 * Checks the queue on a channel of its own, because a missing queue makes
 * the broker close the channel with 404 NOT_FOUND.
 */
async function checkQueueExists(
  connection: ChannelModel,
  queue: string,
  consumer: string,
): Promise<void> {
  const probe = await connection.createChannel();
  probe.on("error", () => undefined);
  try {
    await probe.checkQueue(queue);
  } catch (error: unknown) {
    const notFound = error instanceof Error && /NOT_FOUND|404/.test(error.message);
    if (!notFound) throw error;
    throw new DeadLetterRequestError(
      `consumer "${consumer}" not found: there is no dead-letter queue ${queue}. ` +
        "Check the consumer name and BROKER_PREFIX.",
    );
  }
  await probe.close();
}

/** Returns the fields the dead-letter tool prints for `message`. */
export function summarizeDeadLetter(consumer: string, message: GetMessage): DeadLetterSummary {
  const headers = message.properties.headers ?? {};
  const firstDeath = firstDeathOf(headers);
  const attempts = Number(headers[attemptsHeader]);
  return {
    consumer,
    id: text(headers["ce-id"]) ?? "(no ce-id)",
    type: text(headers["ce-type"]) ?? message.fields.routingKey,
    reason:
      text(headers[deadLetterReasonHeader]) ??
      (firstDeath ? `dead-lettered by the broker: ${firstDeath.reason}` : "(no reason recorded)"),
    attempts: Number.isInteger(attempts) ? attempts : undefined,
    deadLetteredAt: text(headers[deadLetteredAtHeader]) ?? firstDeath?.time,
  };
}

function text(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "") return value;
  if (Buffer.isBuffer(value) && value.length > 0) return value.toString("utf8");
  return undefined;
}

/**
 * Reads the broker's own record of a dead-lettering (the `x-death` header),
 * for messages the quorum queue's delivery limit dead-lettered. amqplib 2.3
 * decodes its AMQP timestamp as `{ "!": "timestamp", value: seconds }`.
 */
function firstDeathOf(
  headers: Record<string, unknown>,
): { reason: string; time: string | undefined } | undefined {
  const deaths = headers["x-death"];
  if (!Array.isArray(deaths) || deaths.length === 0) return undefined;
  const first: unknown = deaths[0];
  if (typeof first !== "object" || first === null) return undefined;
  const record = first as Record<string, unknown>;
  const time = record.time as { value?: unknown } | undefined;
  const seconds = typeof time?.value === "number" ? time.value : undefined;
  return {
    reason: text(record.reason) ?? "unknown",
    time: seconds === undefined ? undefined : new Date(seconds * 1000).toISOString(),
  };
}
