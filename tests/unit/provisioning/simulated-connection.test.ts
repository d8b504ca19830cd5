import { describe, expect, it } from "vitest";
import type { ConnectionDetails } from "../../../lib/api/views";
import type { OrderSpec } from "../../../lib/orders/order-schema";
import type { ProvisionedResource } from "../../../lib/provisioning/driver";
import {
  simulatedConnectionDetails,
  simulatedIpv4Address,
} from "../../../lib/provisioning/simulated/simulated-connection";
import { sampleSpecs } from "./fixtures";

const activatedAt = new Date("2026-12-04T10:00:00.000Z");

function resourceOf(spec: OrderSpec, catalog: ProvisionedResource["catalog"] = {}) {
  return {
    id: "7d0f8a52-3c1e-4f4a-9a55-0b6c1d2e3f40",
    name: spec.kind === "DOMAIN" ? spec.domain : spec.name,
    kind: spec.kind,
    catalog,
    activatedAt,
  } satisfies ProvisionedResource;
}

function field(details: ConnectionDetails, label: string): string | undefined {
  return details.fields.find((entry) => entry.label === label)?.value;
}

const testNet3 = /^203\.0\.113\.(\d{1,3})$/;

describe("simulatedIpv4Address", () => {
  it("stays inside 203.0.113.0/24", () => {
    for (let i = 0; i < 500; i += 1) {
      const match = testNet3.exec(simulatedIpv4Address(`resource-${i}`));
      expect(match).not.toBeNull();
      const host = Number(match?.[1]);
      expect(host).toBeGreaterThanOrEqual(1);
      expect(host).toBeLessThanOrEqual(254);
    }
  });

  it("is stable for one resource", () => {
    expect(simulatedIpv4Address("abc")).toBe(simulatedIpv4Address("abc"));
  });
});

describe("simulated connection details", () => {
  it("virtual machine gets address, hostname and SSH", () => {
    const spec = sampleSpecs.virtualMachine;
    const details = simulatedConnectionDetails(resourceOf(spec), spec);
    const address = field(details, "IPv4 address");
    expect(address).toMatch(testNet3);
    expect(field(details, "Hostname")).toBe("web-1-7d0f8a52.fra1.vm.swiftcloud.example");
    expect(field(details, "SSH command")).toBe(`ssh root@${address}`);
  });

  it("web service gets its URL", () => {
    const spec = sampleSpecs.webServiceFromImage;
    const details = simulatedConnectionDetails(resourceOf(spec), spec);
    expect(field(details, "URL")).toBe("https://shop-7d0f8a52.apps.swiftcloud.example");
    expect(field(details, "Source")).toBe("nginx:1.27");
    expect(field(details, "Instances")).toBe("2");
  });

  it.each([
    ["postgresql", "PostgreSQL 17", 5432, "postgresql:"],
    ["mysql", "MySQL 8.4", 3306, "mysql:"],
    ["redis", "Redis 7.4", 6379, "redis:"],
  ])("%s database gets host, port and URL", (engine, name, port, protocol) => {
    const spec = sampleSpecs.managedDatabase;
    const resource = resourceOf(spec, { databaseEngine: { engine, version: "1", name } });
    const details = simulatedConnectionDetails(resource, spec);

    expect(field(details, "Engine")).toBe(name);
    expect(field(details, "Host")).toBe("orders-db-7d0f8a52.db.swiftcloud.example");
    expect(field(details, "Port")).toBe(String(port));
    const connection = new URL(field(details, "Connection string") ?? "");
    expect(connection.protocol).toBe(protocol);
    expect(connection.hostname).toBe("orders-db-7d0f8a52.db.swiftcloud.example");
    expect(connection.port).toBe(String(port));
    expect(connection.password).toBe(field(details, "Password"));
    const secrets = details.fields.filter((entry) => entry.secret).map((entry) => entry.label);
    expect(secrets).toEqual(["Password", "Connection string"]);
  });

  it("database password is random and long", () => {
    const spec = sampleSpecs.managedDatabase;
    const resource = resourceOf(spec, {
      databaseEngine: { engine: "postgresql", version: "17", name: "PostgreSQL 17" },
    });
    const first = field(simulatedConnectionDetails(resource, spec), "Password");
    const second = field(simulatedConnectionDetails(resource, spec), "Password");
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(second).not.toBe(first);
  });

  it("database names the SQL database without hyphens", () => {
    const spec = sampleSpecs.managedDatabase;
    const resource = resourceOf(spec, {
      databaseEngine: { engine: "mysql", version: "8.4", name: "MySQL 8.4" },
    });
    const details = simulatedConnectionDetails(resource, spec);
    expect(field(details, "Database")).toBe("orders_db");
    expect(new URL(field(details, "Connection string") ?? "").pathname).toBe("/orders_db");
  });

  it("database without a known engine throws", () => {
    const spec = sampleSpecs.managedDatabase;
    expect(() => simulatedConnectionDetails(resourceOf(spec), spec)).toThrow(/engine/);
    const unknown = resourceOf(spec, {
      databaseEngine: { engine: "oracle", version: "23", name: "Oracle 23" },
    });
    expect(() => simulatedConnectionDetails(unknown, spec)).toThrow(/"oracle" is not supported/);
  });

  it("domain gets nameservers and expiry", () => {
    const spec = sampleSpecs.domain;
    const details = simulatedConnectionDetails(resourceOf(spec), spec);
    expect(field(details, "Domain")).toBe("example-shop.com");
    expect(field(details, "Nameserver 1")).toBe("ns1.swiftcloud.example");
    expect(field(details, "Nameserver 2")).toBe("ns2.swiftcloud.example");
    expect(field(details, "Expires on")).toBe("2028-12-04");
  });
});
