import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrderSpec } from "../../../lib/orders/order-schema";
import {
  ClusterManagerHarness,
  createPaidOrder,
  paymentSucceeded,
  uniqueName,
  waitFor,
} from "./harness";

process.env.SIMULATED_STEP_MS = "20";
const harness = new ClusterManagerHarness(inject("databaseUrl"));

async function waitUntilFailed(orderId: string) {
  return waitFor(`resource of order ${orderId} to fail`, async () => {
    const row = await harness.db.resource.findUnique({ where: { orderId } });
    if (row?.status === "ACTIVE") throw new Error("resource became ACTIVE instead of failing");
    return row?.status === "FAILED" ? row : undefined;
  });
}

beforeAll(async () => {
  await harness.open();
  await harness.startHost();
});

afterAll(async () => {
  await harness.close();
});

describe("failed provisioning", () => {
  it.each([
    [
      "virtual machine",
      {
        kind: "VIRTUAL_MACHINE",
        name: uniqueName("fail-vm"),
        regionId: "fra1",
        imageId: "debian-12",
        planId: "vm-s1",
      },
      "Simulated failure: the host did not pass its boot check",
    ],
    [
      "domain",
      { kind: "DOMAIN", domain: `${uniqueName("fail-shop")}.com`, years: 1 },
      "Simulated failure: the DNS zone did not propagate to the registry's nameservers",
    ],
  ] as [string, OrderSpec, string][])("fail- %s ends FAILED", async (_, spec, reason) => {
    const order = await createPaidOrder(harness.db, spec);
    await harness.publisher.publishEvent(paymentSucceeded(order));
    const resource = await waitUntilFailed(order.id);

    expect(resource.failureReason).toBe(reason);
    expect(resource.connection).toBeNull();
    expect(resource.activatedAt).toBeNull();
    const after = await harness.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).toBe("FAILED");
    const action = await harness.db.provisioningAction.findFirstOrThrow({
      where: { resourceId: resource.id },
    });
    expect(action.status).toBe("FAILED");
    expect(action.error).toBe(reason);
    expect(action.stepIndex).toBe(3);
    expect(action.leaseUntil).toBeNull();

    const failed = await harness.events.waitForEvent("swiftcloud.resource.failed", resource.id);
    expect(failed.data.reason).toBe(reason);
    expect(failed.data.orderId).toBe(order.id);
    const types = harness.events.forResource(resource.id).map((event) => event.type);
    expect(types).toEqual([
      "swiftcloud.resource.provisioning",
      "swiftcloud.resource.progress",
      "swiftcloud.resource.progress",
      "swiftcloud.resource.progress",
      "swiftcloud.resource.failed",
    ]);
  });
});
