import { randomUUID } from "node:crypto";
import type { Transaction } from "../db/client";
import { eventSchemas, type EventData, type EventType } from "../events/catalog";

/**
 * Writes an event to the outbox inside the caller's transaction, so it is
 * committed with the state change it announces. The relay publishes it after
 * the commit. Returns the event id.
 */
export async function enqueueEvent<T extends EventType>(
  tx: Transaction,
  type: T,
  subject: string,
  data: EventData<T>,
): Promise<string> {
  const parsed = eventSchemas[type].parse(data);
  const id = randomUUID();
  await tx.outboxEvent.create({
    data: {
      id,
      type,
      source: eventSource(),
      subject,
      time: new Date(),
      data: parsed,
    },
  });
  return id;
}

/** CloudEvents `source` of this process, like `/swiftcloud/billing`. */
export function eventSource(): string {
  return `/swiftcloud/${process.env.SWIFTCLOUD_SERVICE ?? "web"}`;
}
