import type { Logger } from "pino";
import type { PrismaClient } from "../db/client";
import type { CloudEvent, EventType } from "../events/catalog";
import type { Broker } from "../messaging/broker";

interface OutboxRow {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: Date;
  data: unknown;
}

export interface OutboxRelayOptions {
  db: PrismaClient;
  broker: Broker;
  logger: Logger;
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** Interval between checks for rows when no wake-up comes, in ms. */
  pollIntervalMs?: number;
}

/**
 * Relays running in this process; a test process may host several. Kept on
 * globalThis because Next.js bundles route handlers with their own copy of
 * this module, and they must wake the relay the custom server started.
 */
const globalRelays = globalThis as typeof globalThis & {
  swiftcloudOutboxRelays?: Set<OutboxRelay>;
};
const runningRelays = (globalRelays.swiftcloudOutboxRelays ??= new Set<OutboxRelay>());

/** Wakes this process's relays right after a transaction that wrote events commits. */
export function wakeOutboxRelay(): void {
  for (const relay of runningRelays) relay.wake();
}

/**
 * Publishes committed outbox rows with publisher confirms and marks them sent
 * only after the confirm. Rows are claimed with FOR UPDATE SKIP LOCKED, so the
 * relays of several processes never publish the same row at the same time.
 * A crash between confirm and commit publishes a row again, which consumers
 * absorb through their inbox.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wakeAgain = false;
  private stopped = true;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  start(): void {
    this.stopped = false;
    runningRelays.add(this);
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops polling after publishing what is pending now. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    if (this.options.broker.connected) await this.drain();
    runningRelays.delete(this);
  }

  /** Publishes batches until none is left or publishing fails. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent < this.batchSize) return total;
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const again = this.wakeAgain;
        this.wakeAgain = false;
        this.schedule(again ? 0 : this.pollIntervalMs);
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    if (!this.options.broker.connected) return;
    try {
      await this.drain();
    } catch (error: unknown) {
      this.options.logger.warn({ err: error }, "outbox.relay_failed");
    }
  }

  private async publishBatch(): Promise<number> {
    const { db, broker, logger } = this.options;
    return db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<OutboxRow[]>`
          select id, type, source, subject, time, data
          from "OutboxEvent"
          where "publishedAt" is null
          order by sequence
          limit ${this.batchSize}
          for update skip locked`;
        if (rows.length === 0) return 0;

        const results = await Promise.allSettled(
          rows.map((row) => broker.publish(toCloudEvent(row))),
        );
        const sent: string[] = [];
        results.forEach((result, index) => {
          const row = rows[index];
          if (!row) return;
          if (result.status === "fulfilled") {
            sent.push(row.id);
            logger.debug(
              { eventId: row.id, eventType: row.type, subject: row.subject },
              "outbox.published",
            );
          } else {
            logger.warn(
              { eventId: row.id, eventType: row.type, err: result.reason },
              "outbox.publish_failed",
            );
          }
        });
        if (sent.length > 0) {
          await tx.outboxEvent.updateMany({
            where: { id: { in: sent } },
            data: { publishedAt: new Date() },
          });
        }
        const failed = rows.filter((row) => !sent.includes(row.id)).map((row) => row.id);
        if (failed.length > 0) {
          await tx.outboxEvent.updateMany({
            where: { id: { in: failed } },
            data: { attempts: { increment: 1 }, lastError: "publish not confirmed" },
          });
          // Stops this drain; the rows stay unpublished and the next tick retries them.
          return 0;
        }
        return sent.length;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }
}

function toCloudEvent(row: OutboxRow): CloudEvent {
  return {
    specversion: "1.0",
    id: row.id,
    source: row.source,
    type: row.type as EventType,
    subject: row.subject,
    time: row.time.toISOString(),
    datacontenttype: "application/json",
    data: row.data as CloudEvent["data"],
  };
}
