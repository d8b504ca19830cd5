import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { PermanentEventError } from "../../../lib/messaging/consumer";
import { applyOnce } from "../../../lib/messaging/inbox";
import { topologyFor } from "../../../lib/messaging/topology";
import { runDeadLettersCommand } from "../../../scripts/dead-letters";
import {
  deleteBrokerNamespace,
  testAmqpUrl,
  uniqueBrokerPrefix,
} from "../../support/broker-namespace";
import { ConsumerUnderTest, waitFor } from "./retry-harness";

const prefix = uniqueBrokerPrefix();
const consumer = "test.dead-letters";
const retryDelaysMs = [100];
const deadLetterQueue = topologyFor(prefix).deadLetterQueue(consumer);
const env = { AMQP_URL: testAmqpUrl, BROKER_PREFIX: prefix };
let db: PrismaClient;
let harness: ConsumerUnderTest;

beforeAll(async () => {
  db = createPrismaClient(inject("databaseUrl"));
  harness = await ConsumerUnderTest.start({ prefix, consumer, retryDelaysMs, maxAttempts: 2 });
});

afterAll(async () => {
  await harness?.stop();
  await deleteBrokerNamespace(prefix, [consumer], retryDelaysMs);
  await db?.$disconnect();
});

/** Runs the tool in this process and returns its exit code and output lines. */
async function runTool(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDeadLettersCommand(args, env, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Dead-letters a new event through a handler that rejects it, and returns the event. */
async function deadLetteredEvent(reason: string) {
  harness.handler = async () => {
    throw new PermanentEventError(reason);
  };
  const before = await harness.messageCount(deadLetterQueue);
  const event = await harness.publishEvent();
  await waitFor("the dead letter", async () => {
    return (await harness.messageCount(deadLetterQueue)) > before;
  });
  return event;
}

describe("dead-letters tool", () => {
  it("lists dead letters and leaves them in the queue", async () => {
    const event = await deadLetteredEvent("catalog plan vm-xl was removed");

    for (let run = 1; run <= 2; run++) {
      const result = await runTool("list", "--consumer", consumer);
      expect(result.code).toBe(0);
      const line = result.out.split("\n").find((row) => row.includes(event.id));
      expect(line).toBeDefined();
      expect(line).toContain(consumer);
      expect(line).toContain("swiftcloud.order.submitted");
      expect(line).toContain("catalog plan vm-xl was removed");
      expect(line).toMatch(/\s1\s+\d{4}-\d{2}-\d{2}T/);
    }
    expect(await harness.messageCount(deadLetterQueue)).toBeGreaterThanOrEqual(1);
  });

  it("replays a dead letter that is then processed", async () => {
    const event = await deadLetteredEvent("provider outage");
    let committed = 0;
    harness.handler = async (received) => {
      if (await applyOnce(db, consumer, received.id, async () => undefined)) committed += 1;
    };

    const result = await runTool("replay", "--consumer", consumer, "--id", event.id);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`replayed ${event.id}`);

    await waitFor("the replayed event's commit", () => committed === 1);
    const deliveries = harness.deliveriesOf(event.id);
    expect(deliveries.map((delivery) => delivery.attempt)).toEqual([1, 1]);
    const listed = await runTool("list", "--consumer", consumer);
    expect(listed.out).not.toContain(event.id);
  });

  it("replays all dead letters of a consumer", async () => {
    harness.handler = async () => undefined;
    await runTool("replay", "--consumer", consumer, "--all");
    const events = [
      await deadLetteredEvent("first failure"),
      await deadLetteredEvent("second failure"),
    ];
    harness.handler = async () => undefined;

    const result = await runTool("replay", "--consumer", consumer, "--all");
    expect(result.code).toBe(0);
    expect(result.out).toContain("2 dead letter(s) replayed");
    for (const event of events) {
      await waitFor(`a second delivery of ${event.id}`, () => {
        return harness.deliveriesOf(event.id).length === 2;
      });
    }
    expect(await harness.messageCount(deadLetterQueue)).toBe(0);
  });

  it("rejects an unknown id and replays nothing", async () => {
    const event = await deadLetteredEvent("still broken");
    const before = await harness.messageCount(deadLetterQueue);
    const result = await runTool(
      "replay",
      "--consumer",
      consumer,
      "--id",
      event.id,
      "--id",
      "nope",
    );

    expect(result.code).toBe(1);
    expect(result.err).toContain("no dead letter with ce-id nope");
    expect(result.err).toContain("nothing was replayed");
    expect(await harness.messageCount(deadLetterQueue)).toBe(before);
  });

  it("rejects an unknown consumer", async () => {
    const result = await runTool("list", "--consumer", "no-such-consumer");

    expect(result.code).toBe(1);
    expect(result.err).toContain(`consumer "no-such-consumer" not found`);
    expect(result.err).toContain(`${prefix}.no-such-consumer.dead-letter`);
  });

  it.each([
    { args: ["replay", "--consumer", consumer], error: "either --id CE_ID or --all" },
    { args: ["replay", "--all"], error: "replay needs --consumer NAME" },
    { args: ["purge"], error: "unknown command purge" },
    { args: ["list", "--all"], error: "list takes only --consumer" },
  ])("rejects usage $args", async ({ args, error }) => {
    const result = await runTool(...args);

    expect(result.code).toBe(2);
    expect(result.err).toContain(error);
  });
});
