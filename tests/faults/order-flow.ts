// Takes one virtual-machine order from submission to a confirmed payment
// through the portal's HTTP API, as a customer's browser would.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { expectStatus, type CustomerClient } from "./customer-client";

export const successCard = "4242 4242 4242 4242";
/** Stays PROCESSING for 6 s in the sandbox, then succeeds. */
export const slowCard = "4000 0000 0000 0077";

/** Maximum wait for billing to issue an order's invoice. */
const invoiceTimeoutMs = 120_000;
/** Payment rounds (start, confirm) before the order is given up on. */
const maxPaymentRounds = 5;

interface OrderBody {
  order: { id: string; status: string; invoice?: { id: string } | null };
}

/** Places an order named `name`, reports its id to `onPlaced`, waits for its invoice and pays it. */
export async function placeAndPayOrder(
  client: CustomerClient,
  name: string,
  cardNumber: string,
  onPlaced: (orderId: string) => void,
): Promise<void> {
  const order = {
    kind: "VIRTUAL_MACHINE",
    name,
    regionId: "fra1",
    imageId: "debian-12",
    planId: "vm-s2",
  };
  // The same key on every retry, so a request that reached the server before a fault adds no second order.
  const placed = await client.request("POST", "/api/orders", {
    json: { idempotencyKey: randomUUID(), order },
  });
  expectStatus(placed, [200, 201], `order ${name}`);
  const orderId = (placed.body as OrderBody).order.id;
  onPlaced(orderId);

  const invoiceId = await waitForInvoice(client, orderId);
  if (invoiceId === undefined) return;
  await payInvoice(client, invoiceId, cardNumber);
}

/** Polls the order until it has an invoice, or returns undefined when the order ended without one. */
async function waitForInvoice(
  client: CustomerClient,
  orderId: string,
): Promise<string | undefined> {
  const deadline = Date.now() + invoiceTimeoutMs;
  while (Date.now() < deadline) {
    const response = await client.request("GET", `/api/orders/${orderId}`);
    expectStatus(response, [200], `order ${orderId}`);
    const { order } = response.body as OrderBody;
    if (order.invoice?.id) return order.invoice.id;
    if (order.status === "CANCELLED" || order.status === "FAILED") return undefined;
    await sleep(250);
  }
  throw new Error(`no invoice for order ${orderId} within ${invoiceTimeoutMs} ms`);
}

/**
 * Starts a payment and confirms the sandbox checkout. A 409 from the start
 * means the invoice is paid or has a payment in PROCESSING, which a retried
 * confirmation leaves behind, so the order needs nothing more.
 */
async function payInvoice(
  client: CustomerClient,
  invoiceId: string,
  cardNumber: string,
): Promise<void> {
  let lastError = "";
  for (let round = 1; round <= maxPaymentRounds; round++) {
    const started = await client.request("POST", `/api/invoices/${invoiceId}/payments`);
    if (started.status === 409) return;
    if (started.status !== 200 && started.status !== 201) {
      lastError = `payment start returned ${started.status}: ${started.text.slice(0, 200)}`;
      await sleep(500);
      continue;
    }
    const { checkoutUrl } = started.body as { checkoutUrl: string };
    const reference = checkoutUrl.split("/").pop() ?? "";
    const confirmed = await client.request("POST", `/api/sandbox/checkouts/${reference}/confirm`, {
      json: { cardNumber, expiry: "12/34", cvc: "123", cardholderName: "Fault Injection" },
    });
    if (confirmed.status === 200) return;
    lastError = `confirmation returned ${confirmed.status}: ${confirmed.text.slice(0, 200)}`;
    await sleep(500);
  }
  throw new Error(`invoice ${invoiceId} not paid after ${maxPaymentRounds} rounds: ${lastError}`);
}
