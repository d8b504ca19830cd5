import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../../lib/db/client";
import { encodeEvent } from "../../../lib/events/amqp-binding";
import { topologyFor } from "../../../lib/messaging/topology";
import type { WorkerHost } from "../../../lib/worker/worker-host";
import { billingConsumerNames } from "../../../workers/billing/setup";
import { deleteBrokerNamespace, uniqueBrokerPrefix } from "../../support/broker-namespace";
import { vmSpec } from "./fixtures";
import {
  BrokerTap,
  createOrder,
  createUser,
  LogCapture,
  orderSubmittedEvent,
  startBillingWorker,
} from "./helpers";

const databaseUrl = inject("databaseUrl");
const prefix = uniqueBrokerPrefix();
const logs = new LogCapture();
const deadLetterQueue = topologyFor(prefix).deadLetterQueue("billing.orders");
let db: PrismaClient;
let worker: WorkerHost;
let tap: BrokerTap;

beforeAll(async () => {
  db = createPrismaClient(databaseUrl);
  worker = await startBillingWorker(databaseUrl, prefix, logs);
  tap = await BrokerTap.open(prefix);
});

afterAll(async () => {
  await worker?.stop();
  await tap?.close();
  await db?.$disconnect();
  await deleteBrokerNamespace(prefix, billingConsumerNames);
});

/** Headers of a valid `order.submitted` event, for breaking one part at a time. */
function validParts() {
  const event = orderSubmittedEvent({ id: randomUUID(), userId: randomUUID() });
  return encodeEvent(event);
}

describe("billing.orders dead-letter queue", () => {
  it.each([
    {
      name: "a body that is not JSON",
      routingKey: "swiftcloud.order.submitted",
      build: () => ({ ...validParts(), body: Buffer.from("{not json") }),
      reason: "body is not valid JSON",
    },
    {
      name: "an unknown event type",
      routingKey: "swiftcloud.order.submitted",
      build: () => {
        const parts = validParts();
        return { ...parts, headers: { ...parts.headers, "ce-type": "swiftcloud.order.exploded" } };
      },
      reason: "unknown ce-type swiftcloud.order.exploded",
    },
    {
      name: "a missing ce-id",
      routingKey: "swiftcloud.order.submitted",
      build: () => {
        const { "ce-id": _dropped, ...headers } = validParts().headers;
        return { ...validParts(), headers };
      },
      reason: "missing header ce-id",
    },
    {
      name: "data that fails the schema",
      routingKey: "swiftcloud.order.submitted",
      build: () => ({ ...validParts(), body: Buffer.from(JSON.stringify({ orderId: "nope" })) }),
      reason: "invalid data for swiftcloud.order.submitted",
    },
  ])("receives $name with the reason", async ({ routingKey, build, reason }) => {
    const { headers, body } = build();
    await tap.publishRaw(routingKey, headers, body);

    const message = await tap.nextMessage(deadLetterQueue);
    const received = message.properties.headers ?? {};
    expect(String(received["x-swiftcloud-dead-letter-reason"])).toContain(reason);
    expect(received["x-swiftcloud-original-routing-key"]).toBe(routingKey);
    expect(message.content.equals(body)).toBe(true);
  });

  it("keeps the worker processing after a malformed message", async () => {
    const user = await createUser(db);
    const order = await createOrder(db, user.id, vmSpec());
    await tap.publishRaw("swiftcloud.order.submitted", validParts().headers, Buffer.from("]"));
    await tap.publishEvent(orderSubmittedEvent(order));

    await tap.waitForEvent("swiftcloud.invoice.issued", (data) => data.orderId === order.id);
    const message = await tap.nextMessage(deadLetterQueue);
    expect(String(message.properties.headers?.["x-swiftcloud-dead-letter-reason"])).toContain(
      "body is not valid JSON",
    );
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(1);
  });
});
