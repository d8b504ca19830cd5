import { randomUUID } from "node:crypto";
import amqp, { type Channel, type ChannelModel } from "amqplib";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { Broker } from "../../../lib/messaging/broker";
import { applyOnce } from "../../../lib/messaging/inbox";
import { enqueueEvent } from "../../../lib/outbox/enqueue-event";
import { OutboxRelay } from "../../../lib/outbox/outbox-relay";
import {
  deleteBrokerNamespace,
  testAmqpUrl,
  uniqueBrokerPrefix,
} from "../../support/broker-namespace";

const logger = pino({ level: "silent" });
const prefix = uniqueBrokerPrefix();
let db: PrismaClient;
let connection: ChannelModel;
let channel: Channel;
let queue: string;
const received: string[] = [];

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  db = createPrismaClient(inject("databaseUrl"));
  await db.outboxEvent.deleteMany();
  connection = await amqp.connect(testAmqpUrl);
  channel = await connection.createChannel();
  await channel.assertExchange(`${prefix}.events`, "topic", { durable: true });
  ({ queue } = await channel.assertQueue("", { exclusive: true }));
  await channel.bindQueue(queue, `${prefix}.events`, "swiftcloud.#");
  await channel.consume(queue, (message) => {
    if (!message) return;
    received.push(String(message.properties.headers?.["ce-id"]));
    channel.ack(message);
  });
});

afterAll(async () => {
  await connection.close();
  await deleteBrokerNamespace(prefix, []);
  await db.$disconnect();
});

describe("outbox relay", () => {
  it("publishes every committed event once with two relays racing", async () => {
    const brokers = [0, 1].map(
      (n) => new Broker({ url: testAmqpUrl, prefix, logger, name: `relay-${n}` }),
    );
    await Promise.all(brokers.map((broker) => broker.start()));
    const relays = brokers.map(
      (broker) => new OutboxRelay({ db, broker, logger, batchSize: 20, pollIntervalMs: 50 }),
    );

    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      await db.$transaction(async (tx) => {
        for (let n = 0; n < 20; n++) {
          const orderId = randomUUID();
          ids.push(
            await enqueueEvent(tx, "swiftcloud.order.submitted", orderId, {
              userId: randomUUID(),
              orderId,
              kind: "DOMAIN",
            }),
          );
        }
      });
    }
    relays.forEach((relay) => relay.start());

    await waitFor(() => received.length >= ids.length, 20_000, `${ids.length} events`);
    await Promise.all(relays.map((relay) => relay.stop()));
    await Promise.all(brokers.map((broker) => broker.close()));

    expect(new Set(received).size).toBe(ids.length);
    expect(received.length).toBe(ids.length);
    expect([...received].sort()).toEqual([...ids].sort());
    expect(await db.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
  });

  it("publishes in commit order with one relay", async () => {
    received.length = 0;
    const broker = new Broker({ url: testAmqpUrl, prefix, logger, name: "relay-ordered" });
    await broker.start();
    const ids: string[] = [];
    for (let n = 0; n < 30; n++) {
      await db.$transaction(async (tx) => {
        const orderId = randomUUID();
        ids.push(
          await enqueueEvent(tx, "swiftcloud.order.submitted", orderId, {
            userId: randomUUID(),
            orderId,
            kind: "DOMAIN",
          }),
        );
      });
    }
    const relay = new OutboxRelay({ db, broker, logger, batchSize: 7 });
    relay.start();
    await waitFor(() => received.length >= ids.length, 20_000, `${ids.length} events`);
    await relay.stop();
    await broker.close();
    expect(received).toEqual(ids);
  });

  it("rejects event data that breaks the event's schema", async () => {
    await expect(
      db.$transaction((tx) =>
        enqueueEvent(tx, "swiftcloud.order.submitted", "x", {
          userId: "not-a-uuid",
          orderId: randomUUID(),
          kind: "DOMAIN",
        }),
      ),
    ).rejects.toThrow(/userId/);
  });
});

describe("inbox", () => {
  it("applies one event id once per consumer", async () => {
    const eventId = randomUUID();
    let effects = 0;
    const effect = async () => {
      effects += 1;
    };
    expect(await applyOnce(db, "test.consumer", eventId, effect)).toBe(true);
    expect(await applyOnce(db, "test.consumer", eventId, effect)).toBe(false);
    expect(await applyOnce(db, "test.other-consumer", eventId, effect)).toBe(true);
    expect(effects).toBe(2);
  });

  it("records nothing when the effect fails", async () => {
    const eventId = randomUUID();
    await expect(
      applyOnce(db, "test.consumer", eventId, async () => {
        throw new Error("database write failed");
      }),
    ).rejects.toThrow("database write failed");
    expect(await db.processedEvent.count({ where: { consumer: "test.consumer", eventId } })).toBe(
      0,
    );
  });
});
