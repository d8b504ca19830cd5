import { describe, expect, it } from "vitest";
import { createOrderRequest, orderSchema } from "../../../lib/orders/order-schema";

const vm = {
  kind: "VIRTUAL_MACHINE",
  name: "web-1",
  regionId: "fra1",
  imageId: "debian-12",
  planId: "vm-s1",
};

function firstIssuePath(input: unknown): string | undefined {
  const result = orderSchema.safeParse(input);
  if (result.success) return undefined;
  return result.error.issues[0]?.path.join(".");
}

describe("order schema", () => {
  it("accepts a valid order of each kind", () => {
    expect(orderSchema.safeParse(vm).success).toBe(true);
    expect(
      orderSchema.safeParse({
        kind: "WEB_SERVICE",
        name: "api",
        source: { type: "image", image: "ghcr.io/acme/api:v2" },
        planId: "web-s",
        instances: "2",
      }).success,
    ).toBe(true);
    expect(
      orderSchema.safeParse({
        kind: "MANAGED_DATABASE",
        name: "db-1",
        engineId: "postgresql-17",
        planId: "db-s",
        storageGb: 20,
      }).success,
    ).toBe(true);
    expect(orderSchema.safeParse({ kind: "DOMAIN", domain: "Example.COM", years: 1 }).success).toBe(
      true,
    );
  });

  it("reads whole numbers from form strings", () => {
    const parsed = orderSchema.parse({ kind: "DOMAIN", domain: "example.com", years: " 3 " });
    expect(parsed.kind).toBe("DOMAIN");
    expect(parsed.kind === "DOMAIN" ? parsed.years : undefined).toBe(3);
  });

  it("names the expected number for an empty field", () => {
    const result = orderSchema.safeParse({
      kind: "MANAGED_DATABASE",
      name: "db-1",
      engineId: "pg",
      planId: "db-s",
      storageGb: "",
    });
    expect(result.error?.issues[0]?.message).toBe("Enter the storage in GB");
  });

  it("lowercases a domain", () => {
    const parsed = orderSchema.parse({ kind: "DOMAIN", domain: " Example.COM ", years: 1 });
    expect(parsed.kind).toBe("DOMAIN");
    expect(parsed.kind === "DOMAIN" ? parsed.domain : undefined).toBe("example.com");
  });

  it.each([
    [{ ...vm, name: "" }, "name"],
    [{ ...vm, name: "ab" }, "name"],
    [{ ...vm, name: "Web_1" }, "name"],
    [{ ...vm, name: "-web" }, "name"],
    [{ ...vm, name: "a".repeat(64) }, "name"],
    [{ ...vm, regionId: "" }, "regionId"],
    [{ ...vm, planId: undefined }, "planId"],
    [
      {
        kind: "WEB_SERVICE",
        name: "api",
        source: { type: "image", image: "UPPER/Case" },
        planId: "web-s",
        instances: 1,
      },
      "source.image",
    ],
    [
      {
        kind: "WEB_SERVICE",
        name: "api",
        source: { type: "image", image: "nginx:1.27" },
        planId: "web-s",
        instances: 0,
      },
      "instances",
    ],
    [
      {
        kind: "WEB_SERVICE",
        name: "api",
        source: { type: "image", image: "nginx:1.27" },
        planId: "web-s",
        instances: 11,
      },
      "instances",
    ],
    [
      {
        kind: "WEB_SERVICE",
        name: "api",
        source: { type: "image", image: "nginx" },
        planId: "web-s",
        instances: 1.5,
      },
      "instances",
    ],
    [
      { kind: "MANAGED_DATABASE", name: "db-1", engineId: "pg", planId: "db-s", storageGb: 5 },
      "storageGb",
    ],
    [
      { kind: "MANAGED_DATABASE", name: "db-1", engineId: "pg", planId: "db-s", storageGb: 15 },
      "storageGb",
    ],
    [
      { kind: "MANAGED_DATABASE", name: "db-1", engineId: "pg", planId: "db-s", storageGb: 5000 },
      "storageGb",
    ],
    [
      {
        kind: "WEB_SERVICE",
        name: "api",
        source: { type: "image", image: "nginx" },
        planId: "web-s",
        instances: true,
      },
      "instances",
    ],
    [
      {
        kind: "WEB_SERVICE",
        name: "api",
        source: { type: "image", image: "nginx" },
        planId: "web-s",
        instances: [3],
      },
      "instances",
    ],
    [
      { kind: "MANAGED_DATABASE", name: "db-1", engineId: "pg", planId: "db-s", storageGb: "" },
      "storageGb",
    ],
    [{ kind: "DOMAIN", domain: "example.com", years: null }, "years"],
    [{ kind: "DOMAIN", domain: "localhost", years: 1 }, "domain"],
    [{ kind: "DOMAIN", domain: "http://example.com", years: 1 }, "domain"],
    [{ kind: "DOMAIN", domain: "www.example.com", years: 1 }, "domain"],
    [{ kind: "DOMAIN", domain: "-bad.com", years: 1 }, "domain"],
    [{ kind: "DOMAIN", domain: "example.com.", years: 1 }, "domain"],
    [{ kind: "DOMAIN", domain: "example.com", years: 0 }, "years"],
    [{ kind: "DOMAIN", domain: "example.com", years: 11 }, "years"],
    [{ kind: "SPACESHIP", name: "x" }, "kind"],
  ])("rejects %j at %s", (input, path) => {
    expect(firstIssuePath(input)).toBe(path);
  });

  it("requires a UUID idempotency key", () => {
    const result = createOrderRequest.safeParse({ idempotencyKey: "1", order: vm });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["idempotencyKey"]);
  });
});
