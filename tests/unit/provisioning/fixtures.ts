import pino from "pino";
import type { ResourceKindName } from "../../../lib/catalog/types";
import type { OrderSpec } from "../../../lib/orders/order-schema";
import type { ResourceContext } from "../../../lib/provisioning/driver";

/** One valid order spec per kind, and both sources of a web service. */
export const sampleSpecs = {
  virtualMachine: {
    kind: "VIRTUAL_MACHINE",
    name: "web-1",
    regionId: "fra1",
    imageId: "ubuntu-24-04",
    planId: "vm-s1",
  },
  webServiceFromImage: {
    kind: "WEB_SERVICE",
    name: "shop",
    source: { type: "image", image: "nginx:1.27" },
    planId: "web-s",
    instances: 2,
  },
  webServiceFromRuntime: {
    kind: "WEB_SERVICE",
    name: "api",
    source: { type: "runtime", runtimeId: "node-22" },
    planId: "web-s",
    instances: 1,
  },
  managedDatabase: {
    kind: "MANAGED_DATABASE",
    name: "orders-db",
    engineId: "postgresql-17",
    planId: "db-s",
    storageGb: 20,
  },
  domain: { kind: "DOMAIN", domain: "example-shop.com", years: 2 },
} satisfies Record<string, OrderSpec>;

/** Builds the context for running one step of `spec`, with `overrides` applied. */
export function stepContext(
  spec: OrderSpec,
  overrides: Partial<ResourceContext> = {},
): ResourceContext {
  const name = spec.kind === "DOMAIN" ? spec.domain : spec.name;
  return {
    resourceId: "7d0f8a52-3c1e-4f4a-9a55-0b6c1d2e3f40",
    orderId: "0b5b3f5e-8d9c-4a1b-b2c3-d4e5f6a7b8c9",
    actionId: "c4f2e1d0-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
    name,
    kind: spec.kind as ResourceKindName,
    spec,
    catalog: {},
    stepIndex: 0,
    attempt: 1,
    log: pino({ level: "silent" }),
    ...overrides,
  };
}
