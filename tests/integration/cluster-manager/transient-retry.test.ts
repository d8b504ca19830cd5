import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrderSpec } from "../../../lib/orders/order-schema";
import { maxStepAttempts } from "../../../lib/provisioning/retry-step";
import { SimulatedDriver } from "../../../lib/provisioning/simulated/simulated-driver";
import {
  ClusterManagerHarness,
  createPaidOrder,
  paymentSucceeded,
  uniqueName,
  waitFor,
} from "./harness";

process.env.SIMULATED_STEP_MS = "20";
process.env.PROVISIONING_RETRY_BASE_MS = "10";
const harness = new ClusterManagerHarness(inject("databaseUrl"));

const vmSpec = (name: string): OrderSpec => ({
  kind: "VIRTUAL_MACHINE",
  name,
  regionId: "sfo1",
  imageId: "ubuntu-24-04",
  planId: "vm-s1",
});

async function waitForStatus(orderId: string, status: "ACTIVE" | "FAILED") {
  return waitFor(`resource of order ${orderId} to become ${status}`, async () => {
    const row = await harness.db.resource.findUnique({ where: { orderId } });
    return row?.status === status ? row : undefined;
  });
}

beforeAll(async () => {
  await harness.open();
  await harness.startHost();
});

afterAll(async () => {
  await harness.close();
});

describe("transient step failures", () => {
  it("flaky- step is retried until it succeeds", async () => {
    const spec = vmSpec(uniqueName("flaky-vm"));
    const order = await createPaidOrder(harness.db, spec);
    await harness.publisher.publishEvent(paymentSucceeded(order));
    const resource = await waitForStatus(order.id, "ACTIVE");
    await harness.events.waitForEvent("swiftcloud.resource.active", resource.id);

    const retries = harness.logs.lines.filter(
      (line) => line.msg === "cluster.step_retry_scheduled" && line.resourceId === resource.id,
    );
    expect(retries.map((line) => line.step)).toEqual(["Allocating disk", "Allocating disk"]);
    expect(retries.map((line) => line.attempts)).toEqual([1, 2]);

    const steps = new SimulatedDriver({ stepMs: 20 }).steps(spec).map((step) => step.name);
    const progressSteps = harness.events
      .forResource(resource.id)
      .flatMap((event) => (event.type === "swiftcloud.resource.progress" ? [event.data.step] : []));
    expect(progressSteps).toEqual(steps);

    const action = await harness.db.provisioningAction.findFirstOrThrow({
      where: { resourceId: resource.id },
    });
    expect(action.status).toBe("SUCCEEDED");
    expect(action.attempts).toBe(0);
  });

  it("stuck- step gives up after five attempts", async () => {
    const order = await createPaidOrder(harness.db, vmSpec(uniqueName("stuck-vm")));
    await harness.publisher.publishEvent(paymentSucceeded(order));
    const resource = await waitForStatus(order.id, "FAILED");

    expect(resource.failureReason).toBe(
      'Simulated transient failure: "Allocating disk" lost its connection to the host' +
        ` (gave up after ${maxStepAttempts} attempts)`,
    );
    const retries = harness.logs.lines.filter(
      (line) => line.msg === "cluster.step_retry_scheduled" && line.resourceId === resource.id,
    );
    expect(retries.map((line) => line.attempts)).toEqual([1, 2, 3, 4]);
    const action = await harness.db.provisioningAction.findFirstOrThrow({
      where: { resourceId: resource.id },
    });
    expect(action.status).toBe("FAILED");
    expect(action.stepIndex).toBe(1);
    expect(action.attempts).toBe(maxStepAttempts);
    const after = await harness.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).toBe("FAILED");
    const event = await harness.events.waitForEvent("swiftcloud.resource.failed", resource.id);
    expect(event.data.reason).toBe(resource.failureReason);
  });
});
