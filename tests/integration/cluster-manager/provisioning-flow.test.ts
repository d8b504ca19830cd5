import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ConnectionDetails } from "../../../lib/api/views";
import type { OrderSpec } from "../../../lib/orders/order-schema";
import { SimulatedDriver } from "../../../lib/provisioning/simulated/simulated-driver";
import {
  ClusterManagerHarness,
  createPaidOrder,
  paymentSucceeded,
  uniqueName,
  waitFor,
} from "./harness";

process.env.SIMULATED_STEP_MS = "20";
const harness = new ClusterManagerHarness(inject("databaseUrl"));
const stepsOf = (spec: OrderSpec) => new SimulatedDriver({ stepMs: 20 }).steps(spec);

function field(connection: unknown, label: string): string | undefined {
  return (connection as ConnectionDetails | null)?.fields.find((entry) => entry.label === label)
    ?.value;
}

/** Publishes a payment for a new paid order and returns the order and its resource once ACTIVE. */
async function provision(spec: OrderSpec) {
  const order = await createPaidOrder(harness.db, spec);
  await harness.publisher.publishEvent(paymentSucceeded(order));
  const resource = await waitFor(`resource of order ${order.id} to become ACTIVE`, async () => {
    const row = await harness.db.resource.findUnique({ where: { orderId: order.id } });
    if (row?.status === "FAILED") throw new Error(`resource failed: ${row.failureReason}`);
    return row?.status === "ACTIVE" ? row : undefined;
  });
  return { order, resource };
}

beforeAll(async () => {
  await harness.open();
  await harness.startHost();
});

afterAll(async () => {
  await harness.close();
});

describe("cluster manager provisioning", () => {
  it("virtual machine becomes active", async () => {
    const name = uniqueName("vm");
    const spec: OrderSpec = {
      kind: "VIRTUAL_MACHINE",
      name,
      regionId: "fra1",
      imageId: "debian-12",
      planId: "vm-s1",
    };
    const { order, resource } = await provision(spec);

    expect(resource.driver).toBe("simulated");
    expect(resource.name).toBe(name);
    expect(resource.kind).toBe("VIRTUAL_MACHINE");
    expect(resource.progress).toBe(100);
    expect(resource.activatedAt).toBeInstanceOf(Date);
    expect(resource.failureReason).toBeNull();
    expect(field(resource.connection, "IPv4 address")).toMatch(/^203\.0\.113\.\d{1,3}$/);
    expect(field(resource.connection, "Hostname")).toBe(
      `${name}-${resource.id.slice(0, 8)}.fra1.vm.swiftcloud.example`,
    );

    const updatedOrder = await harness.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(updatedOrder.status).toBe("COMPLETED");

    const actions = await harness.db.provisioningAction.findMany({
      where: { resourceId: resource.id },
    });
    expect(actions).toHaveLength(1);
    expect(actions[0]?.type).toBe("create");
    expect(actions[0]?.status).toBe("SUCCEEDED");
    expect(actions[0]?.stepIndex).toBe(5);
    expect(actions[0]?.percentage).toBe(100);
    expect(actions[0]?.leaseUntil).toBeNull();
    expect(actions[0]?.finishedAt).toBeInstanceOf(Date);
  });

  it("events arrive as provisioning, progress, active", async () => {
    const spec: OrderSpec = {
      kind: "VIRTUAL_MACHINE",
      name: uniqueName("vm"),
      regionId: "ams1",
      imageId: "ubuntu-24-04",
      planId: "vm-s2",
    };
    const { order, resource } = await provision(spec);
    await harness.events.waitForEvent("swiftcloud.resource.active", resource.id);

    const events = harness.events.forResource(resource.id);
    const steps = stepsOf(spec);
    expect(events.map((event) => event.type)).toEqual([
      "swiftcloud.resource.provisioning",
      ...steps.map(() => "swiftcloud.resource.progress"),
      "swiftcloud.resource.active",
    ]);
    const progress = events.flatMap((event) =>
      event.type === "swiftcloud.resource.progress" ? [event.data] : [],
    );
    expect(progress.map((data) => data.step)).toEqual(steps.map((step) => step.name));
    expect(progress.map((data) => data.percentage)).toEqual(steps.map((step) => step.percentage));
    for (const event of events) {
      expect(event.source).toBe("/swiftcloud/cluster-manager");
      expect(event.data).toMatchObject({ userId: order.userId, orderId: order.id });
    }
  });

  it.each([
    [
      "web service",
      {
        kind: "WEB_SERVICE",
        name: uniqueName("web"),
        source: { type: "runtime", runtimeId: "node-22" },
        planId: "web-s",
        instances: 2,
      },
      "URL",
      (name: string, id: string) => `https://${name}-${id.slice(0, 8)}.apps.swiftcloud.example`,
    ],
    [
      "PostgreSQL database",
      {
        kind: "MANAGED_DATABASE",
        name: uniqueName("db"),
        engineId: "postgresql-17",
        planId: "db-s",
        storageGb: 20,
      },
      "Port",
      () => "5432",
    ],
    [
      "Redis database",
      {
        kind: "MANAGED_DATABASE",
        name: uniqueName("cache"),
        engineId: "redis-7-4",
        planId: "db-s",
        storageGb: 10,
      },
      "Port",
      () => "6379",
    ],
    [
      "domain",
      { kind: "DOMAIN", domain: `${uniqueName("shop")}.com`, years: 1 },
      "Nameserver 1",
      () => "ns1.swiftcloud.example",
    ],
  ] as [string, OrderSpec, string, (name: string, id: string) => string][])(
    "%s becomes active",
    async (_, spec, label, expected) => {
      const { resource } = await provision(spec);
      expect(field(resource.connection, label)).toBe(expected(resource.name, resource.id));
    },
  );
});
