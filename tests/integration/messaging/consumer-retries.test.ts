import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { PermanentEventError } from "../../../lib/messaging/consumer";
import { applyOnce } from "../../../lib/messaging/inbox";
import { deliveryLimit, topologyFor } from "../../../lib/messaging/topology";
import { deleteBrokerNamespace, uniqueBrokerPrefix } from "../../support/broker-namespace";
import { ConsumerUnderTest, waitFor } from "./retry-harness";

const prefix = uniqueBrokerPrefix();
const consumer = "test.retries";
// Short tiers keep the test fast. The second is five times the first, so
// the growth shows through the time a failed attempt takes before its retry.
const retryDelaysMs = [300, 1_500];
const maxAttempts = 3;
const topology = topologyFor(prefix);
let db: PrismaClient;
let harness: ConsumerUnderTest;

beforeAll(async () => {
  db = createPrismaClient(inject("databaseUrl"));
  // Opens the connection pool now, so the first attempt's time is not spent on it.
  await db.$queryRaw`select 1`;
  harness = await ConsumerUnderTest.start({ prefix, consumer, retryDelaysMs, maxAttempts });
});

afterAll(async () => {
  await harness?.stop();
  await deleteBrokerNamespace(prefix, [consumer], retryDelaysMs);
  await db?.$disconnect();
});

/** Error a handler raises for a failure that a later attempt may not meet. */
class TransientError extends Error {}

describe("consumer retries", () => {
  it("applies an event once after two retries", async () => {
    let committed = 0;
    harness.handler = async (event, { attempt }) => {
      const applied = await applyOnce(db, consumer, event.id, async () => {
        if (attempt <= 2) throw new TransientError(`database busy on attempt ${attempt}`);
      });
      if (applied) committed += 1;
    };

    const event = await harness.publishEvent();
    await waitFor("a third delivery", () => harness.deliveriesOf(event.id).length >= 3);
    await waitFor("the commit", () => committed === 1);

    const deliveries = harness.deliveriesOf(event.id);
    expect(deliveries.map((delivery) => delivery.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = deliveries.map((delivery) => delivery.receivedAt);
    const firstDelay = second! - first!;
    const secondDelay = third! - second!;
    expect(firstDelay).toBeGreaterThanOrEqual(retryDelaysMs[0]!);
    expect(secondDelay).toBeGreaterThanOrEqual(retryDelaysMs[1]!);
    expect(secondDelay).toBeGreaterThan(firstDelay);
    expect(await db.processedEvent.count({ where: { consumer, eventId: event.id } })).toBe(1);

    // A duplicate from the producer reaches the handler but has no effect.
    await harness.republish(event);
    await waitFor("the duplicate delivery", () => harness.deliveriesOf(event.id).length >= 4);
    expect(committed).toBe(1);
    expect(await harness.messageCount(topology.deadLetterQueue(consumer))).toBe(0);
  });

  it("dead-letters an always failing event after max attempts", async () => {
    harness.handler = async (_event, { attempt }) => {
      throw new TransientError(`payment provider timed out on attempt ${attempt}`);
    };

    const event = await harness.publishEvent();
    const deadLetter = await harness.nextDeadLetter();
    const headers = deadLetter.properties.headers ?? {};

    expect(headers["ce-id"]).toBe(event.id);
    expect(headers["x-swiftcloud-dead-letter-reason"]).toBe(
      `payment provider timed out on attempt ${maxAttempts}`,
    );
    expect(headers["x-swiftcloud-attempts"]).toBe(maxAttempts);
    expect(headers["x-swiftcloud-last-error"]).toBe("payment provider timed out on attempt 2");
    expect(harness.deliveriesOf(event.id).map((delivery) => delivery.attempt)).toEqual([1, 2, 3]);
    expect(JSON.parse(deadLetter.content.toString("utf8"))).toEqual(event.data);
  });

  it("dead-letters a permanent error at once", async () => {
    harness.handler = async () => {
      throw new PermanentEventError("order references a deleted plan");
    };

    const event = await harness.publishEvent();
    const deadLetter = await harness.nextDeadLetter();
    const headers = deadLetter.properties.headers ?? {};

    expect(headers["ce-id"]).toBe(event.id);
    expect(headers["x-swiftcloud-dead-letter-reason"]).toBe("order references a deleted plan");
    expect(headers["x-swiftcloud-attempts"]).toBe(1);
    expect(harness.deliveriesOf(event.id)).toHaveLength(1);
    for (const delayMs of retryDelaysMs) {
      expect(await harness.messageCount(topology.retryQueue(consumer, delayMs))).toBe(0);
    }
  });

  it("dead-letters a malformed message with one attempt", async () => {
    await harness.publishRaw(Buffer.from("{not json"));
    const deadLetter = await harness.nextDeadLetter();
    const headers = deadLetter.properties.headers ?? {};

    expect(headers["x-swiftcloud-dead-letter-reason"]).toBe("body is not valid JSON");
    expect(headers["x-swiftcloud-attempts"]).toBe(1);
  });

  // Runs last: it deletes a retry queue, which only a reconnect declares again.
  it("requeues while a retry queue is missing, up to the delivery limit", async () => {
    harness.handler = async () => {
      throw new TransientError("inventory service down");
    };
    await harness.deleteQueue(topology.retryQueue(consumer, retryDelaysMs[0]!));

    const event = await harness.publishEvent();
    const deadLetter = await harness.nextDeadLetter();
    const headers = deadLetter.properties.headers ?? {};
    const deaths = headers["x-death"] as Array<Record<string, unknown>> | undefined;

    expect(headers["ce-id"]).toBe(event.id);
    expect(deaths?.[0]?.reason).toBe("delivery_limit");
    const attempts = harness.deliveriesOf(event.id).map((delivery) => delivery.attempt);
    expect(attempts.length).toBeGreaterThanOrEqual(deliveryLimit);
    expect(new Set(attempts)).toEqual(new Set([1]));
  });
});
