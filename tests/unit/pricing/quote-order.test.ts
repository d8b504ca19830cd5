import { describe, expect, it } from "vitest";
import { domainPriceKey, storagePriceKey, type Catalog } from "../../../lib/catalog/types";
import { DomainError } from "../../../lib/domain/errors";
import { quoteOrder } from "../../../lib/pricing/quote-order";

const catalog: Catalog = {
  plans: [
    {
      id: "vm-a",
      kind: "VIRTUAL_MACHINE",
      name: "A",
      vcpus: 2,
      memoryMb: 4096,
      diskGb: 80,
      monthlyPriceMinor: 2400,
      currency: "USD",
    },
    {
      id: "web-a",
      kind: "WEB_SERVICE",
      name: "W",
      vcpus: 1,
      memoryMb: 512,
      diskGb: 1,
      monthlyPriceMinor: 500,
      currency: "USD",
    },
    {
      id: "db-a",
      kind: "MANAGED_DATABASE",
      name: "D",
      vcpus: 1,
      memoryMb: 2048,
      diskGb: 0,
      monthlyPriceMinor: 1500,
      currency: "USD",
    },
  ],
  regions: [{ id: "fra1", name: "Frankfurt 1", city: "Frankfurt", country: "DE" }],
  images: [{ id: "debian-12", name: "Debian 12", family: "debian" }],
  runtimes: [{ id: "node-22", name: "Node.js 22" }],
  databaseEngines: [{ id: "pg-17", name: "PostgreSQL 17", engine: "postgresql", version: "17" }],
  prices: [
    {
      key: storagePriceKey,
      description: "Storage",
      unit: "GB-month",
      priceMinor: 12,
      currency: "USD",
    },
    {
      key: domainPriceKey("com"),
      description: ".com",
      unit: "year",
      priceMinor: 1299,
      currency: "USD",
    },
  ],
};

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof DomainError) return error.fields.map((f) => f.field);
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("quoteOrder", () => {
  it("prices a virtual machine at its plan's monthly price", () => {
    const quote = quoteOrder(
      {
        kind: "VIRTUAL_MACHINE",
        name: "web-1",
        regionId: "fra1",
        imageId: "debian-12",
        planId: "vm-a",
      },
      catalog,
    );
    expect(quote.subtotalMinor).toBe(2400);
    expect(quote.recurringMinor).toBe(2400);
    expect(quote.period).toBe("month");
    expect(quote.currency).toBe("USD");
    expect(quote.lineItems).toHaveLength(1);
    expect(quote.lineItems[0]?.description).toContain("Frankfurt 1");
  });

  it("multiplies a web service plan by its instances", () => {
    const quote = quoteOrder(
      {
        kind: "WEB_SERVICE",
        name: "api",
        source: { type: "image", image: "nginx:1.27" },
        planId: "web-a",
        instances: 3,
      },
      catalog,
    );
    expect(quote.lineItems[0]?.quantity).toBe(3);
    expect(quote.subtotalMinor).toBe(1500);
  });

  it("adds database storage per GB", () => {
    const quote = quoteOrder(
      {
        kind: "MANAGED_DATABASE",
        name: "main-db",
        engineId: "pg-17",
        planId: "db-a",
        storageGb: 50,
      },
      catalog,
    );
    expect(quote.lineItems).toHaveLength(2);
    expect(quote.lineItems[1]?.amountMinor).toBe(600);
    expect(quote.lineItems[0]?.description).not.toContain("GB disk");
    expect(quote.subtotalMinor).toBe(2100);
  });

  it("prices a domain per year and quotes the yearly price", () => {
    const quote = quoteOrder({ kind: "DOMAIN", domain: "example.com", years: 2 }, catalog);
    expect(quote.subtotalMinor).toBe(2598);
    expect(quote.recurringMinor).toBe(1299);
    expect(quote.period).toBe("year");
  });

  it.each([
    [
      {
        kind: "VIRTUAL_MACHINE",
        name: "a-1",
        regionId: "mars1",
        imageId: "debian-12",
        planId: "vm-a",
      },
      ["regionId"],
    ],
    [
      { kind: "VIRTUAL_MACHINE", name: "a-1", regionId: "fra1", imageId: "win-95", planId: "vm-a" },
      ["imageId"],
    ],
    [
      {
        kind: "VIRTUAL_MACHINE",
        name: "a-1",
        regionId: "fra1",
        imageId: "debian-12",
        planId: "nope",
      },
      ["planId"],
    ],
    [
      {
        kind: "VIRTUAL_MACHINE",
        name: "a-1",
        regionId: "fra1",
        imageId: "debian-12",
        planId: "web-a",
      },
      ["planId"],
    ],
    [
      {
        kind: "WEB_SERVICE",
        name: "a-1",
        source: { type: "runtime", runtimeId: "cobol" },
        planId: "web-a",
        instances: 1,
      },
      ["source.runtimeId"],
    ],
    [
      { kind: "MANAGED_DATABASE", name: "a-1", engineId: "oracle", planId: "db-a", storageGb: 10 },
      ["engineId"],
    ],
    [{ kind: "DOMAIN", domain: "example.xyz", years: 1 }, ["domain"]],
  ] as const)("rejects unknown catalog ids: %j", (spec, fields) => {
    expect(fieldsOf(() => quoteOrder(spec as never, catalog))).toEqual(fields);
  });
});
