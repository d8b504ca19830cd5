import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ClusterManagerHarness,
  createPaidOrder,
  paymentSucceeded,
  uniqueName,
  waitFor,
} from "./harness";

process.env.SIMULATED_STEP_MS = "20";
const harness = new ClusterManagerHarness(inject("databaseUrl"));

/** CloudEvents headers of a `payment.succeeded` message with the given id. */
function paymentHeaders(id: string): Record<string, string> {
  return {
    "ce-specversion": "1.0",
    "ce-id": id,
    "ce-source": "/swiftcloud/billing",
    "ce-type": "swiftcloud.payment.succeeded",
    "ce-subject": randomUUID(),
    "ce-time": new Date().toISOString(),
  };
}

/** Waits for the dead letter whose `ce-id` header is `id` and returns its headers. */
async function waitForDeadLetter(id: string): Promise<Record<string, unknown>> {
  const queue = harness.deadLetterQueue();
  const others: Record<string, unknown>[] = [];
  return waitFor(`dead letter ${id} in ${queue}`, async () => {
    const message = await harness.publisher.get(queue);
    if (!message) return undefined;
    const headers = message.properties.headers ?? {};
    if (headers["ce-id"] === id) return headers;
    others.push(headers);
    return undefined;
  });
}

beforeAll(async () => {
  await harness.open();
  await harness.startHost();
});

afterAll(async () => {
  await harness.close();
});

describe("payments consumer dead letters", () => {
  it("body that is not JSON is dead-lettered", async () => {
    const id = randomUUID();
    await harness.publisher.publishRaw("swiftcloud.payment.succeeded", Buffer.from("{not json"), {
      headers: paymentHeaders(id),
      contentType: "application/json",
    });
    const headers = await waitForDeadLetter(id);
    expect(headers["x-swiftcloud-dead-letter-reason"]).toBe("body is not valid JSON");
    expect(headers["x-swiftcloud-original-routing-key"]).toBe("swiftcloud.payment.succeeded");
  });

  it("data without an order id is dead-lettered", async () => {
    const id = randomUUID();
    const data = {
      userId: randomUUID(),
      invoiceId: randomUUID(),
      paymentId: randomUUID(),
      amountMinor: 1,
      currency: "EUR",
    };
    await harness.publisher.publishRaw(
      "swiftcloud.payment.succeeded",
      Buffer.from(JSON.stringify(data)),
      {
        headers: paymentHeaders(id),
        contentType: "application/json",
      },
    );
    const headers = await waitForDeadLetter(id);
    expect(headers["x-swiftcloud-dead-letter-reason"]).toMatch(
      /^invalid data for swiftcloud\.payment\.succeeded: orderId: /,
    );
  });

  it("payment for an unknown order is dead-lettered", async () => {
    const order = await createPaidOrder(harness.db, {
      kind: "DOMAIN",
      domain: `${uniqueName("ghost")}.com`,
      years: 1,
    });
    const event = paymentSucceeded({ ...order, id: randomUUID() });
    await harness.publisher.publishEvent(event);
    const headers = await waitForDeadLetter(event.id);
    expect(headers["x-swiftcloud-dead-letter-reason"]).toBe(
      `order ${event.data.orderId} not found`,
    );
  });

  it("worker keeps provisioning after dead letters", async () => {
    const order = await createPaidOrder(harness.db, {
      kind: "VIRTUAL_MACHINE",
      name: uniqueName("vm"),
      regionId: "sgp1",
      imageId: "fedora-41",
      planId: "vm-s1",
    });
    await harness.publisher.publishEvent(paymentSucceeded(order));
    const resource = await waitFor("resource to become ACTIVE", async () => {
      const row = await harness.db.resource.findUnique({ where: { orderId: order.id } });
      return row?.status === "ACTIVE" ? row : undefined;
    });
    expect(resource.progress).toBe(100);
  });
});
