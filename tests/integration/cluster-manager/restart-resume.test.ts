import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrderSpec } from "../../../lib/orders/order-schema";
import { SimulatedDriver } from "../../../lib/provisioning/simulated/simulated-driver";
import {
  ClusterManagerHarness,
  createPaidOrder,
  paymentSucceeded,
  uniqueName,
  waitFor,
} from "./harness";

// Steps long enough that a stop lands between the first and the last one.
process.env.SIMULATED_STEP_MS = "150";
const harness = new ClusterManagerHarness(inject("databaseUrl"));

const spec = (): OrderSpec => ({
  kind: "MANAGED_DATABASE",
  name: uniqueName("db"),
  engineId: "mysql-8-4",
  planId: "db-m",
  storageGb: 50,
});
const stepNames = new SimulatedDriver({ stepMs: 150 }).steps(spec()).map((step) => step.name);

/** Step names of the progress events about `resourceId`, from the `from`-th collected event on. */
function progressSteps(resourceId: string, from = 0): string[] {
  return harness.events.events
    .slice(from)
    .filter((event) => event.subject === resourceId)
    .flatMap((event) => (event.type === "swiftcloud.resource.progress" ? [event.data.step] : []));
}

async function waitUntilActive(orderId: string) {
  return waitFor(`resource of order ${orderId} to become ACTIVE`, async () => {
    const row = await harness.db.resource.findUnique({ where: { orderId } });
    return row?.status === "ACTIVE" ? row : undefined;
  });
}

/** Starts provisioning with a first host and stops that host once a step has committed. */
async function provisionAndStopMidway() {
  const first = await harness.startHost();
  const order = await createPaidOrder(harness.db, spec());
  await harness.publisher.publishEvent(paymentSucceeded(order));
  const started = await waitFor("the first step to commit", async () => {
    const row = await harness.db.resource.findUnique({ where: { orderId: order.id } });
    return row && row.progress > 0 ? row : undefined;
  });
  await harness.stopHost(first);

  const stopped = await harness.db.resource.findUniqueOrThrow({ where: { id: started.id } });
  const action = await harness.db.provisioningAction.findFirstOrThrow({
    where: { resourceId: started.id },
  });
  // The first host's relay published every committed event before it stopped,
  // but delivery to the test's queue may still be under way.
  await waitFor("progress events of the committed steps", async () => {
    return progressSteps(started.id).length >= action.stepIndex;
  });
  return { order, resource: stopped, action };
}

beforeAll(async () => {
  await harness.open();
});

afterEach(async () => {
  await harness.stopAllHosts();
});

afterAll(async () => {
  await harness.close();
});

describe("cluster manager restart", () => {
  it("new host resumes after a stop", async () => {
    const { order, resource, action } = await provisionAndStopMidway();
    // The stop let the running step commit, and no later step started.
    expect(resource.status).toBe("PROVISIONING");
    expect(action.status).toBe("RUNNING");
    expect(action.leaseUntil).toBeNull();
    expect(action.stepIndex).toBeGreaterThan(0);
    expect(action.stepIndex).toBeLessThan(stepNames.length);
    const before = harness.events.events.length;
    expect(progressSteps(resource.id)).toEqual(stepNames.slice(0, action.stepIndex));

    await harness.startHost();
    const active = await waitUntilActive(order.id);
    await harness.events.waitForEvent("swiftcloud.resource.active", active.id);

    expect(progressSteps(active.id, before)).toEqual(stepNames.slice(action.stepIndex));
    expect(progressSteps(active.id)).toEqual(stepNames);
    expect(await harness.db.resource.count({ where: { orderId: order.id } })).toBe(1);
    const after = await harness.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).toBe("COMPLETED");
  });

  it("expired lease of a dead runner is taken over", async () => {
    const { order, resource, action } = await provisionAndStopMidway();
    // What a runner that died in the middle of a step leaves behind.
    await harness.db.provisioningAction.update({
      where: { id: action.id },
      data: { leaseUntil: new Date(Date.now() - 1_000) },
    });
    const before = harness.events.events.length;

    await harness.startHost();
    const active = await waitUntilActive(order.id);
    await harness.events.waitForEvent("swiftcloud.resource.active", resource.id);

    expect(progressSteps(active.id, before)).toEqual(stepNames.slice(action.stepIndex));
    expect(progressSteps(active.id)).toEqual(stepNames);
    expect(await harness.db.resource.count({ where: { orderId: order.id } })).toBe(1);
  });
});
