import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrderSpec } from "../../../lib/orders/order-schema";
import { paymentsConsumer } from "../../../workers/cluster-manager/setup";
import {
  ClusterManagerHarness,
  createPaidOrder,
  paymentSucceeded,
  uniqueName,
  waitFor,
} from "./harness";

process.env.SIMULATED_STEP_MS = "20";
const harness = new ClusterManagerHarness(inject("databaseUrl"));

const vmSpec = (): OrderSpec => ({
  kind: "VIRTUAL_MACHINE",
  name: uniqueName("vm"),
  regionId: "nyc1",
  imageId: "rocky-9",
  planId: "vm-s1",
});

async function waitUntilActive(orderId: string) {
  return waitFor(`resource of order ${orderId} to become ACTIVE`, async () => {
    const row = await harness.db.resource.findUnique({ where: { orderId } });
    return row?.status === "ACTIVE" ? row : undefined;
  });
}

/** Log lines that show a handler failed and its message was sent for another attempt. */
function requeuedLines(eventIds: string[]) {
  const retryMessages = ["consumer.retry_scheduled", "consumer.retry_publish_failed"];
  return harness.logs.lines.filter(
    (line) => retryMessages.includes(String(line.msg)) && eventIds.includes(String(line.eventId)),
  );
}

beforeAll(async () => {
  await harness.open();
  await harness.startHost();
});

afterAll(async () => {
  await harness.close();
});

describe("payments consumer", () => {
  it("same event twice yields one resource", async () => {
    const order = await createPaidOrder(harness.db, vmSpec());
    const event = paymentSucceeded(order);
    await harness.publisher.publishEvent(event);
    await harness.publisher.publishEvent(event);

    await harness.logs.waitForLine(
      "the second delivery being skipped",
      (line) => line.msg === "cluster.payment_already_processed" && line.eventId === event.id,
    );
    const resource = await waitUntilActive(order.id);
    await harness.events.waitForEvent("swiftcloud.resource.active", resource.id);

    const resources = await harness.db.resource.findMany({ where: { orderId: order.id } });
    expect(resources).toHaveLength(1);
    const actions = await harness.db.provisioningAction.count({
      where: { resourceId: resource.id },
    });
    expect(actions).toBe(1);
    const provisioning = harness.events
      .forResource(resource.id)
      .filter((e) => e.type === "swiftcloud.resource.provisioning");
    expect(provisioning).toHaveLength(1);
    const inbox = await harness.db.processedEvent.count({
      where: { consumer: paymentsConsumer, eventId: event.id },
    });
    expect(inbox).toBe(1);
    expect(requeuedLines([event.id])).toEqual([]);
  });

  it("second event id for one order yields one resource", async () => {
    const order = await createPaidOrder(harness.db, vmSpec());
    const first = paymentSucceeded(order);
    const second = paymentSucceeded(order);
    // Published back to back, so both are usually handled at the same time
    // and the second waits on the order's row lock.
    await Promise.all([
      harness.publisher.publishEvent(first),
      harness.publisher.publishEvent(second),
    ]);

    const decisions = await Promise.all(
      [first.id, second.id].map((eventId) =>
        harness.logs.waitForLine(
          `a decision on event ${eventId}`,
          (line) =>
            line.eventId === eventId &&
            (line.msg === "cluster.provisioning_scheduled" ||
              line.msg === "cluster.resource_exists_skipped"),
        ),
      ),
    );
    expect(decisions.map((line) => line.msg).sort()).toEqual([
      "cluster.provisioning_scheduled",
      "cluster.resource_exists_skipped",
    ]);

    const resource = await waitUntilActive(order.id);
    await harness.events.waitForEvent("swiftcloud.resource.active", resource.id);
    const resources = await harness.db.resource.findMany({ where: { orderId: order.id } });
    expect(resources).toHaveLength(1);
    const actions = await harness.db.provisioningAction.count({
      where: { resourceId: resource.id },
    });
    expect(actions).toBe(1);
    const provisioning = harness.events
      .forResource(resource.id)
      .filter((e) => e.type === "swiftcloud.resource.provisioning");
    expect(provisioning).toHaveLength(1);
    expect(requeuedLines([first.id, second.id])).toEqual([]);
  });

  it("cancelled order gets no resource", async () => {
    const order = await createPaidOrder(harness.db, vmSpec(), "CANCELLED");
    const event = paymentSucceeded(order);
    await harness.publisher.publishEvent(event);

    const line = await harness.logs.waitForLine(
      "the cancelled order being skipped",
      (entry) => entry.msg === "cluster.order_not_paid_skipped" && entry.eventId === event.id,
    );
    expect(line.orderStatus).toBe("CANCELLED");
    const resources = await harness.db.resource.count({ where: { orderId: order.id } });
    expect(resources).toBe(0);
    const after = await harness.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).toBe("CANCELLED");
  });

  it("order with an open invoice gets no resource", async () => {
    const order = await createPaidOrder(harness.db, vmSpec());
    await harness.db.invoice.update({
      where: { id: order.invoiceId },
      data: { status: "OPEN", paidAt: null },
    });
    const event = paymentSucceeded(order);
    await harness.publisher.publishEvent(event);

    await harness.logs.waitForLine(
      "the unpaid invoice being skipped",
      (entry) => entry.msg === "cluster.invoice_not_paid_skipped" && entry.eventId === event.id,
    );
    const resources = await harness.db.resource.count({ where: { orderId: order.id } });
    expect(resources).toBe(0);
  });
});
