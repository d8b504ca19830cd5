import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signUpAndSignIn, vmOrder } from "../support/customers";

test.describe("orders API", () => {
  test("answers 401 without a session", async ({ request }) => {
    for (const path of ["/api/orders", "/api/invoices", "/api/resources", "/api/catalog"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect((await response.json()).error.code).toBe("unauthenticated");
    }
    const post = await request.post("/api/orders", {
      data: { idempotencyKey: randomUUID(), order: vmOrder() },
    });
    expect(post.status()).toBe(401);
  });

  test("creates an order and replays an idempotency key", async ({ request }) => {
    await signUpAndSignIn(request);
    const idempotencyKey = randomUUID();
    const first = await request.post("/api/orders", {
      data: { idempotencyKey, order: vmOrder("replay-1") },
    });
    expect(first.status()).toBe(201);
    const second = await request.post("/api/orders", {
      data: { idempotencyKey, order: vmOrder("replay-1") },
    });
    expect(second.status()).toBe(200);
    expect((await second.json()).order.id).toBe((await first.json()).order.id);
    const list = await request.get("/api/orders");
    expect((await list.json()).orders).toHaveLength(1);
  });

  const invalidOrders: Array<[string, Record<string, unknown>, string]> = [
    ["missing name", { ...vmOrder(), name: undefined }, "order.name"],
    ["bad name", { ...vmOrder(), name: "Not A Hostname" }, "order.name"],
    ["unknown plan", { ...vmOrder(), planId: "vm-huge" }, "order.planId"],
    ["unknown region", { ...vmOrder(), regionId: "moon-1" }, "order.regionId"],
    ["plan of another kind", { ...vmOrder(), planId: "web-s" }, "order.planId"],
    ["unknown kind", { kind: "SPACESHIP", name: "x-1" }, "order.kind"],
    [
      "zero instances",
      {
        kind: "WEB_SERVICE",
        name: "api-1",
        source: { type: "runtime", runtimeId: "node-22" },
        planId: "web-s",
        instances: 0,
      },
      "order.instances",
    ],
    ["subdomain", { kind: "DOMAIN", domain: "www.example.com", years: 1 }, "order.domain"],
    ["unsold domain ending", { kind: "DOMAIN", domain: "example.zz", years: 1 }, "order.domain"],
  ];

  for (const [name, order, field] of invalidOrders) {
    test(`rejects ${name} with 400 naming ${field}`, async ({ request }) => {
      await signUpAndSignIn(request);
      const response = await request.post("/api/orders", {
        data: { idempotencyKey: randomUUID(), order },
      });
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("validation");
      expect(body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    });
  }

  test("rejects a body that is not JSON", async ({ request }) => {
    await signUpAndSignIn(request);
    const response = await request.post("/api/orders", {
      data: "not json",
      headers: { "content-type": "application/json" },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.fields[0].field).toBe("body");
  });

  test("rejects sign-up with a taken email", async ({ request }) => {
    const customer = await signUpAndSignIn(request);
    const response = await request.post("/api/signup", {
      data: { name: "Again", email: customer.email, password: "another password 1", country: "DE" },
    });
    expect(response.status()).toBe(409);
    expect((await response.json()).error.fields[0].field).toBe("email");
  });

  test("rejects a domain another customer holds", async ({ playwright, baseURL }) => {
    const first = await playwright.request.newContext({ baseURL });
    const second = await playwright.request.newContext({ baseURL });
    await signUpAndSignIn(first);
    await signUpAndSignIn(second);
    const domain = { kind: "DOMAIN", domain: `taken-${randomUUID().slice(0, 8)}.com`, years: 1 };
    expect(
      (
        await first.post("/api/orders", { data: { idempotencyKey: randomUUID(), order: domain } })
      ).status(),
    ).toBe(201);

    const response = await second.post("/api/orders", {
      data: { idempotencyKey: randomUUID(), order: domain },
    });
    expect(response.status()).toBe(409);
    expect((await response.json()).error.fields[0].field).toBe("order.domain");
    await first.dispose();
    await second.dispose();
  });

  test("rejects a second resource of one kind with the same name", async ({ request }) => {
    await signUpAndSignIn(request);
    const order = vmOrder();
    expect(
      (
        await request.post("/api/orders", { data: { idempotencyKey: randomUUID(), order } })
      ).status(),
    ).toBe(201);
    const again = await request.post("/api/orders", {
      data: { idempotencyKey: randomUUID(), order },
    });
    expect(again.status()).toBe(409);
    expect((await again.json()).error.fields[0].field).toBe("order.name");
  });

  test("rejects an idempotency key reused for another order", async ({ request }) => {
    await signUpAndSignIn(request);
    const idempotencyKey = randomUUID();
    expect(
      (await request.post("/api/orders", { data: { idempotencyKey, order: vmOrder() } })).status(),
    ).toBe(201);
    const reused = await request.post("/api/orders", {
      data: { idempotencyKey, order: vmOrder() },
    });
    expect(reused.status()).toBe(409);
    expect((await reused.json()).error.fields[0].field).toBe("idempotencyKey");
  });

  test("rejects a body over the size limit", async ({ request }) => {
    await signUpAndSignIn(request);
    const response = await request.post("/api/orders", {
      data: { idempotencyKey: randomUUID(), order: { ...vmOrder(), name: "x".repeat(100_000) } },
    });
    expect(response.status()).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  test("rejects a request from another origin", async ({ request }) => {
    await signUpAndSignIn(request);
    const response = await request.post("/api/orders", {
      data: { idempotencyKey: randomUUID(), order: vmOrder() },
      headers: { origin: "http://evil.example" },
    });
    expect(response.status()).toBe(403);
    expect((await request.get("/api/orders").then((r) => r.json())).orders).toEqual([]);
  });
});
