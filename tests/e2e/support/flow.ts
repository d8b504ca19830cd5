import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import type { InvoiceView, OrderView } from "../../../lib/api/views";

/** Places an order through the API and returns it. */
export async function placeOrder(
  request: APIRequestContext,
  order: Record<string, unknown>,
): Promise<OrderView> {
  const response = await request.post("/api/orders", {
    data: { idempotencyKey: randomUUID(), order },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { order: OrderView }).order;
}

/** Waits until billing has issued the order's invoice and returns it. */
export async function waitForInvoice(
  request: APIRequestContext,
  orderId: string,
): Promise<InvoiceView> {
  let invoiceId: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/orders/${orderId}`);
        invoiceId = ((await response.json()) as { order: OrderView }).order.invoice?.id;
        return invoiceId;
      },
      { message: "invoice issued for the order", timeout: 30_000 },
    )
    .toBeTruthy();
  const response = await request.get(`/api/invoices/${invoiceId}`);
  return ((await response.json()) as { invoice: InvoiceView }).invoice;
}

/** Starts a payment and pays it on the sandbox checkout with `cardNumber`. */
export async function payInvoice(
  request: APIRequestContext,
  invoiceId: string,
  cardNumber: string,
): Promise<void> {
  const started = await request.post(`/api/invoices/${invoiceId}/payments`);
  expect([200, 201], await started.text()).toContain(started.status());
  const { checkoutUrl } = (await started.json()) as { checkoutUrl: string };
  const ref = checkoutUrl.split("/").pop();
  const confirmed = await request.post(`/api/sandbox/checkouts/${ref}/confirm`, {
    data: { cardNumber, expiry: "12/34", cvc: "123", cardholderName: "Test Customer" },
  });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
}

export async function invoiceStatus(
  request: APIRequestContext,
  invoiceId: string,
): Promise<string> {
  const response = await request.get(`/api/invoices/${invoiceId}`);
  return ((await response.json()) as { invoice: InvoiceView }).invoice.status;
}
