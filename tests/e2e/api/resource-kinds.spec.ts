import { expect, test } from "@playwright/test";
import type { InvoiceView, OrderView } from "../../../lib/api/views";
import { signUpAndSignIn, vmOrder } from "../support/customers";
import { payInvoice, placeOrder, waitForInvoice } from "../support/flow";

const suffix = () => Date.now().toString(36);

const kinds: Array<[string, () => Record<string, unknown>, number, string]> = [
  [
    "web service",
    () => ({
      kind: "WEB_SERVICE",
      name: `api-${suffix()}`,
      source: { type: "image", image: "nginx:1.27" },
      planId: "web-s",
      instances: 2,
    }),
    2400,
    "URL",
  ],
  [
    "managed database",
    () => ({
      kind: "MANAGED_DATABASE",
      name: `db-${suffix()}`,
      engineId: "postgresql-17",
      planId: "db-s",
      storageGb: 20,
    }),
    1740,
    "Connection string",
  ],
  [
    "domain",
    () => ({ kind: "DOMAIN", domain: `shop-${suffix()}.com`, years: 2 }),
    2598,
    "Nameserver 1",
  ],
];

for (const [name, order, subtotal, connectionLabel] of kinds) {
  test(`${name} is invoiced, paid and becomes active`, async ({ request }) => {
    await signUpAndSignIn(request, "US");
    const placed = await placeOrder(request, order());
    const invoice = await waitForInvoice(request, placed.id);
    expect(invoice.subtotalMinor).toBe(subtotal);
    // The United States rate in the catalog is 0 %.
    expect(invoice.totalMinor).toBe(subtotal);

    await payInvoice(request, invoice.id, "4242 4242 4242 4242");
    let current: OrderView | undefined;
    await expect
      .poll(
        async () => {
          current = (
            (await (await request.get(`/api/orders/${placed.id}`)).json()) as { order: OrderView }
          ).order;
          return current.resource?.status;
        },
        { timeout: 60_000 },
      )
      .toBe("ACTIVE");
    expect(current?.status).toBe("COMPLETED");
    expect(current?.resource?.driver).toBe("simulated");
    expect(current?.resource?.connection?.fields.map((field) => field.label)).toContain(
      connectionLabel,
    );
  });
}

test("a failed resource is refunded in full", async ({ request }) => {
  await signUpAndSignIn(request, "DE");
  // The simulated driver fails every resource whose name starts with fail-.
  const placed = await placeOrder(request, { ...vmOrder(), name: `fail-${suffix()}` });
  const invoice = await waitForInvoice(request, placed.id);
  await payInvoice(request, invoice.id, "4242 4242 4242 4242");

  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/orders/${placed.id}`)).json()) as { order: OrderView })
          .order.resource?.status,
      { timeout: 60_000 },
    )
    .toBe("FAILED");
  let refunded: InvoiceView | undefined;
  await expect
    .poll(
      async () => {
        refunded = (
          (await (await request.get(`/api/invoices/${invoice.id}`)).json()) as {
            invoice: InvoiceView;
          }
        ).invoice;
        return refunded.refunds[0]?.status;
      },
      { timeout: 60_000 },
    )
    .toBe("SUCCEEDED");
  expect(refunded?.refunds).toHaveLength(1);
  expect(refunded?.refunds[0]?.amountMinor).toBe(invoice.totalMinor);
  expect(refunded?.refunds[0]?.reason).toBe("RESOURCE_FAILED");
  expect(refunded?.status).toBe("PAID");
});
